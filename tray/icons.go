package tray

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The icon set is drawn here, in code, from a few circles and bars, so it
// is sharp at any size and needs no image files: a crescent moon on a
// night-blue disc (normal), two bars on a slate disc (paused), the moon
// with an orange badge (a reminder waits for an answer), a grey ring
// with a grey moon (bedtime is not running), and a grey moon on night
// blue with a red badge (bedtime runs, but no reminder can come). Every shape is at least a
// sixth of the icon wide, so each stays legible at 16 px; edges are
// anti-aliased by sampling each pixel 4×4 times.

var (
	night  = color.NRGBA{0x1f, 0x3a, 0x5f, 0xff}
	moon   = color.NRGBA{0xff, 0xd4, 0x5e, 0xff}
	slate  = color.NRGBA{0x5b, 0x6b, 0x7d, 0xff}
	white  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	badge  = color.NRGBA{0xf0, 0x6a, 0x1a, 0xff}
	alarm  = color.NRGBA{0xd7, 0x26, 0x26, 0xff}
	grey   = color.NRGBA{0x8a, 0x90, 0x96, 0xff}
	hollow = color.NRGBA{}
)

// shape says whether the point (x, y) of the unit square is inside.
type shape func(x, y float64) bool

func disc(cx, cy, r float64) shape {
	return func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }
}

func ring(cx, cy, r, w float64) shape {
	return func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		return d <= r && d >= r-w
	}
}

func rect(x0, y0, x1, y1 float64) shape {
	return func(x, y float64) bool { return x >= x0 && x <= x1 && y >= y0 && y <= y1 }
}

func minus(a, b shape) shape { return func(x, y float64) bool { return a(x, y) && !b(x, y) } }

// crescent is the moon: a disc less a disc moved up and right.
func crescent(cx, cy, r float64) shape {
	return minus(disc(cx, cy, r), disc(cx+0.42*r, cy-0.3*r, 0.85*r))
}

// layer is a shape painted in a colour; layers are painted in order.
type layer struct {
	s shape
	c color.NRGBA
}

func layers(i Icon) []layer {
	switch i {
	case IconPaused:
		return []layer{{disc(0.5, 0.5, 0.48), slate}, {rect(0.30, 0.27, 0.44, 0.73), white}, {rect(0.56, 0.27, 0.70, 0.73), white}}
	case IconWaiting:
		return []layer{
			{disc(0.5, 0.5, 0.48), night}, {crescent(0.46, 0.54, 0.30), moon},
			{disc(0.76, 0.24, 0.24), white}, {disc(0.76, 0.24, 0.18), badge},
		}
	case IconNotRunning:
		return []layer{{ring(0.5, 0.5, 0.48, 0.09), grey}, {crescent(0.5, 0.5, 0.30), grey}}
	case IconTrouble:
		return []layer{
			{disc(0.5, 0.5, 0.48), night}, {crescent(0.46, 0.54, 0.30), grey},
			{disc(0.76, 0.24, 0.24), white}, {disc(0.76, 0.24, 0.18), alarm},
		}
	}
	return []layer{{disc(0.5, 0.5, 0.48), night}, {crescent(0.5, 0.5, 0.32), moon}}
}

// Draw draws icon i as a size×size image.
func Draw(i Icon, size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	ls := layers(i)
	const n = 4 // samples per pixel edge
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/n) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/n) / float64(size)
					c := hollow
					for _, l := range ls {
						if l.s(x, y) {
							c = l.c
						}
					}
					fa := float64(c.A) / 255
					r += float64(c.R) * fa
					g += float64(c.G) * fa
					b += float64(c.B) * fa
					a += fa
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a)), G: uint8(math.Round(g / a)), B: uint8(math.Round(b / a)),
				A: uint8(math.Round(255 * a / (n * n))),
			})
		}
	}
	return img
}

// IconSize is the size of the icon handed to the tray host; hosts scale
// it to their panel (16 to 48 px).
const IconSize = 32

// PNG returns icon i as a PNG of size×size pixels.
func PNG(i Icon, size int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, Draw(i, size)); err != nil {
		panic(err) // encoding an in-memory NRGBA cannot fail
	}
	return buf.Bytes()
}

// ICO wraps PNG images in a Windows icon file (an ICO may hold PNGs since
// Windows Vista), which the Windows notification area wants.
func ICO(pngs map[int][]byte, sizes []int) []byte {
	var buf bytes.Buffer
	le16 := func(v int) { buf.WriteByte(byte(v)); buf.WriteByte(byte(v >> 8)) }
	le32 := func(v int) { le16(v & 0xffff); le16(v >> 16) }
	le16(0)
	le16(1) // icon
	le16(len(sizes))
	off := 6 + 16*len(sizes)
	for _, s := range sizes {
		dim := s
		if s >= 256 {
			dim = 0
		}
		buf.WriteByte(byte(dim))
		buf.WriteByte(byte(dim))
		buf.WriteByte(0) // no palette
		buf.WriteByte(0)
		le16(1)  // planes
		le16(32) // bits per pixel
		le32(len(pngs[s]))
		le32(off)
		off += len(pngs[s])
	}
	for _, s := range sizes {
		buf.Write(pngs[s])
	}
	return buf.Bytes()
}
