package demo

import (
	"fmt"
	"slices"

	"github.com/mobio-sync/mobio/crdt"
)

// WantValue checks a scalar field's value as a person types it.
func WantValue(path, want string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		v, err := b.Get(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if got := v.Text(); got != want {
			return fmt.Errorf("%s = %q, want %q", path, got, want)
		}
		return nil
	}
}

// WantCodes checks that a set field holds the codes (among others).
func WantCodes(path string, want ...string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		got, err := b.Codes(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				return fmt.Errorf("%s = %v, want it to hold %q", path, got, w)
			}
		}
		return nil
	}
}

// WantText checks a free-text field's original text.
func WantText(path, want string) func(*crdt.Biography) error {
	return func(b *crdt.Biography) error {
		t, err := b.Text(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if t.Text != want {
			return fmt.Errorf("%s = %q, want %q", path, t.Text, want)
		}
		return nil
	}
}
