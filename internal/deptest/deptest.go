// Package deptest asserts facts about the import graph, so that a layering rule such as "the
// relay never imports the document package" is a test rather than a convention.
package deptest

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// Forbid fails t once for each package in forbidden that pkg imports, directly or through
// other packages, naming the chain of imports and the reason that forbidden gives for it. A
// key ending in "/..." forbids that path and every package below it; pkg itself never counts.
//
// Forbid runs `go list -deps -json pkg` with the test's environment, so a test can check
// another platform's graph after t.Setenv("GOOS", "js") and t.Setenv("GOARCH", "wasm").
// Test-only imports of pkg are not part of the graph.
func Forbid(t testing.TB, pkg string, forbidden map[string]string) {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Imports", pkg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", pkg, err, stderr.Bytes())
		return
	}
	imports := map[string][]string{} // import path → its direct imports
	root := ""                       // pkg as an import path: go list prints it last
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list -deps %s: decode: %v", pkg, err)
			return
		}
		imports[p.ImportPath] = p.Imports
		root = p.ImportPath
	}
	// Breadth first from root, so that the chain reported for each dependency is a shortest one.
	via := map[string]string{root: ""} // package → the package it was first reached from
	for queue := []string{root}; len(queue) > 0; queue = queue[1:] {
		from := queue[0]
		for _, dep := range imports[from] {
			if _, seen := via[dep]; seen {
				continue
			}
			via[dep] = from
			queue = append(queue, dep)
			if reason, bad := match(forbidden, dep); bad {
				t.Errorf("%s imports %s: %s (%s)", root, dep, reason, chain(via, dep))
			}
		}
	}
}

// match reports whether path is forbidden, and why.
func match(forbidden map[string]string, path string) (string, bool) {
	if reason, ok := forbidden[path]; ok {
		return reason, true
	}
	for pattern, reason := range forbidden {
		if prefix, ok := strings.CutSuffix(pattern, "/..."); ok && (path == prefix || strings.HasPrefix(path, prefix+"/")) {
			return reason, true
		}
	}
	return "", false
}

// chain renders the import chain that led to dep: "a → b → dep".
func chain(via map[string]string, dep string) string {
	links := []string{dep}
	for p := via[dep]; p != ""; p = via[p] {
		links = append([]string{p}, links...)
	}
	return strings.Join(links, " → ")
}
