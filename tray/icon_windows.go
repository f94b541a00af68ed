package tray

// iconBytes is icon i as the Windows notification area wants it: an ICO
// with the small (16 px) and large (32 px) sizes.
func iconBytes(i Icon) []byte {
	sizes := []int{16, 24, 32}
	pngs := map[int][]byte{}
	for _, s := range sizes {
		pngs[s] = PNG(i, s)
	}
	return ICO(pngs, sizes)
}
