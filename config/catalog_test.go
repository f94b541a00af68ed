package config

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/bedtime-app/bedtime/locale"
)

// messageKeys returns every catalog key config's code uses: the format of
// each call of errAt, msg and newError, and of patterns (other packages'
// errors), read from the source, with where each is.
func messageKeys(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// The position of the format among each function's arguments.
	formatArg := map[string]int{"errAt": -1, "msg": 0, "newError": 3}
	fset := token.NewFileSet()
	keys := map[string]string{"reminder %q": "errors.go"}
	for _, name := range files {
		if filepath.Ext(name) != ".go" || len(name) > 8 && name[len(name)-8:] == "_test.go" {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.Ident:
				fn = f.Name
			case *ast.SelectorExpr:
				fn = f.Sel.Name
			}
			var args []ast.Expr
			switch i, ok := formatArg[fn]; {
			case fn == "patterns":
				args = call.Args
			case !ok:
				return true
			case i == -1: // errAt: the parser's (n, c, format) and the shape scan's (line, col, format)
				if len(call.Args) < 3 {
					return true
				}
				args = call.Args[2:3]
			default:
				if len(call.Args) <= i {
					return true
				}
				args = call.Args[i : i+1]
			}
			for _, a := range args {
				if id, ok := a.(*ast.Ident); ok && (id.Name == "format" || id.Name == "key") {
					continue // a wrapper's: its callers' formats are read
				}
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					if fn != "patterns" && fn != "msg" || ok {
						t.Errorf("%s: %s's format is not a string literal, so its catalog key is unknown", fset.Position(a.Pos()), fn)
					}
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys[s] = fset.Position(a.Pos()).String()
			}
			return true
		})
	}
	return keys
}

// TestEveryMessageHasACatalogEntry: every message config can produce is a
// key of the catalog, so that it can be translated (locale's tests then
// make sure each shipped language translates it).
func TestEveryMessageHasACatalogEntry(t *testing.T) {
	keys := messageKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found only %d message keys in config's code; is the reading broken?", len(keys))
	}
	catalog := locale.Keys()
	for k, where := range keys {
		if _, found := slices.BinarySearch(catalog, k); !found {
			t.Errorf("%s: %q is not in the catalog (add it to locale/messages_schedule.go)", where, k)
		}
	}
}
