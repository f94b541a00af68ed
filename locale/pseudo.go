package locale

import (
	"strings"
	"unicode/utf8"
)

// accents maps ASCII letters to accented look-alikes, so a pseudo-locale
// text reads as English but no byte of it is plain ASCII text.
var accents = map[rune]rune{
	'a': 'á', 'b': 'ƀ', 'c': 'ç', 'd': 'ð', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'í',
	'j': 'ĵ', 'k': 'ķ', 'l': 'ľ', 'm': 'ɱ', 'n': 'ñ', 'o': 'ö', 'p': 'þ', 'r': 'ŕ', 's': 'š',
	't': 'ţ', 'u': 'û', 'w': 'ŵ', 'y': 'ý', 'z': 'ž',
	'A': 'Å', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ð', 'E': 'É', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Î', 'J': 'Ĵ',
	'K': 'Ķ', 'L': 'Ļ', 'N': 'Ñ', 'O': 'Ö', 'R': 'Ŕ', 'S': 'Š', 'T': 'Ţ', 'U': 'Û', 'W': 'Ŵ',
	'Y': 'Ý', 'Z': 'Ž', 'F': 'Ƒ', 'M': 'Ṁ', 'P': 'Ƥ', 'V': 'Ṽ', 'v': 'ṽ', 'x': 'ẋ', 'X': 'Ẋ', 'q': 'ʠ', 'Q': 'Ǫ',
}

// pseudo returns s accented and about 30% longer, between ⟦ and ⟧, with
// its fmt verbs and line breaks kept as they are: every line of a
// multi-line text is stretched on its own, so a layout check still sees
// each line grow.
func pseudo(s string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) != "" {
			lines[i] = pseudoLine(line)
		}
	}
	return strings.Join(lines, "\n")
}

func pseudoLine(s string) string {
	var b strings.Builder
	b.WriteString("⟦")
	last := 0
	for _, m := range verbRE().FindAllStringIndex(s, -1) {
		accent(&b, s[last:m[0]])
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	accent(&b, s[last:])
	n := utf8.RuneCountInString(s)
	pad := (n*3 + 9) / 10
	if pad < 1 {
		pad = 1
	}
	b.WriteString(strings.Repeat("·", pad))
	b.WriteString("⟧")
	return b.String()
}

func accent(b *strings.Builder, s string) {
	for _, r := range s {
		if a, ok := accents[r]; ok {
			r = a
		}
		b.WriteRune(r)
	}
}

// PseudoText returns s as the pseudo-locale writes it; content with no
// catalog entry (the health texts) uses it to make its own pseudo texts.
func PseudoText(s string) string { return pseudo(s) }
