package crdt

import (
	"slices"
	"testing"
)

func TestEmptyReceivesABiography(t *testing.T) {
	src, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Set("person.given_names", String("Amina"), Provenance{Source: SourceSelf}); err != nil {
		t.Fatal(err)
	}
	dst, err := Empty()
	if err != nil {
		t.Fatal(err)
	}
	if len(dst.SaveIncremental()) != 0 {
		t.Fatal("an empty replica has changes of its own; they would never reach other replicas")
	}
	if err := dst.LoadIncremental(src.Save()); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(dst.Heads(), src.Heads()) {
		t.Fatalf("heads %v, want %v", dst.Heads(), src.Heads())
	}
	fv, err := dst.Get("person.given_names")
	if err != nil || fv.Str() != "Amina" {
		t.Fatalf("Get after receiving: %v (value %q)", err, fv.Str())
	}
}
