package tray

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sheet draws every icon at the panel sizes, on a light and a dark
// panel, each pixel shown 4×4 so the small sizes can be looked at.
func sheet() *image.NRGBA {
	sizes := []int{16, 22, 24, 32}
	const zoom, pad = 4, 8
	w := pad
	for _, s := range sizes {
		w += s*zoom + pad
	}
	rowH := 32*zoom + pad
	img := image.NewNRGBA(image.Rect(0, 0, w, pad+2*len(Icons)*rowH))
	panels := []color.NRGBA{{0xee, 0xee, 0xec, 0xff}, {0x2e, 0x34, 0x36, 0xff}}
	row := 0
	for _, bg := range panels {
		for _, ic := range Icons {
			y0 := pad + row*rowH
			draw.Draw(img, image.Rect(0, y0-pad/2, w, y0+rowH-pad/2), &image.Uniform{bg}, image.Point{}, draw.Src)
			x0 := pad
			for _, s := range sizes {
				icon := Draw(ic, s)
				for y := 0; y < s; y++ {
					for x := 0; x < s; x++ {
						c := icon.NRGBAAt(x, y)
						r := image.Rect(x0+x*zoom, y0+y*zoom, x0+(x+1)*zoom, y0+(y+1)*zoom)
						draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Over)
					}
				}
				x0 += s*zoom + pad
			}
			row++
		}
	}
	return img
}

// TestIconSheet keeps the icon set as drawn in testdata/icon-sheet.png,
// which docs/tray.md shows; -update draws it anew after a change.
func TestIconSheet(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, sheet()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "icon-sheet.png")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./tray -run TestIconSheet -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("the icons differ from %s; look at the new sheet with -update", golden)
	}
}
