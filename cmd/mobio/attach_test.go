package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/client"
)

// writeTemp writes content to a new file name in a temporary directory.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAttachWithoutARelayKeepsTheFileOnTheDevice(t *testing.T) {
	env, doc := bioHome(t)
	const content = "Zeugnis der Berufsschule\n"
	file := writeTemp(t, "zeugnis.txt", content)
	var att attachJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "attach", "add", doc, file, "--type", "school certificate", "--title", "Zeugnis", "--json")), &att); err != nil {
		t.Fatal(err)
	}
	if att.Uploaded || len(att.BlobID) != 64 || att.Size <= int64(len(content)) {
		t.Errorf("attach add --json = %+v, want a stored, not uploaded ciphertext", att)
	}

	// The entry holds what a person reads; the key is never shown or exported.
	var files []fileEntry
	if err := json.Unmarshal([]byte(mustMobio(t, env, "attach", "ls", doc, "--json")), &files); err != nil {
		t.Fatal(err)
	}
	want := fileEntry{ID: att.ID, Title: "Zeugnis", Type: "Schulzeugnis", FileName: "zeugnis.txt", MediaType: "text/plain",
		Size: att.Size, BlobID: att.BlobID, OnDevice: true}
	if len(files) != 1 || files[0] != want {
		t.Errorf("attach ls --json = %+v, want [%+v]", files, want)
	}
	for _, args := range [][]string{{"bio", "show", doc}, {"bio", "export", doc}, {"attach", "ls", doc, "--json"}} {
		if out := mustMobio(t, env, args...); strings.Contains(out, "mobio-attkey") {
			t.Errorf("mobio %s prints the file's key", strings.Join(args, " "))
		}
	}

	// get writes the file, readable by its owner, and replaces one only with --force.
	dir := t.TempDir()
	t.Chdir(dir)
	mustMobio(t, env, "attach", "get", doc, att.ID[:4])
	if b, err := os.ReadFile(filepath.Join(dir, "zeugnis.txt")); err != nil || string(b) != content {
		t.Fatalf("attach get wrote %q (%v), want the file", b, err)
	}
	err := mobioErr(t, env, "--force", "attach", "get", doc, att.ID[:4])
	if !errors.Is(err, os.ErrExist) {
		t.Errorf("attach get over an existing file: %v, want os.ErrExist", err)
	}
	os.WriteFile(filepath.Join(dir, "zeugnis.txt"), []byte("old"), 0o600)
	mustMobio(t, env, "attach", "get", doc, att.ID[:4], "--force")
	if b, _ := os.ReadFile(filepath.Join(dir, "zeugnis.txt")); string(b) != content {
		t.Errorf("attach get --force left %q", b)
	}
	if out := mustMobio(t, env, "attach", "get", doc, att.ID[:4], "-o", "-"); out != content {
		t.Errorf("attach get -o - printed %q, want the file", out)
	}
}

func TestAttachRefuses(t *testing.T) {
	t.Parallel()
	env, doc := bioHome(t)
	big := filepath.Join(t.TempDir(), "big.bin")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(client.MaxAttachmentBytes + 1) // sparse: nothing is written
	f.Close()
	noFile := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "documents.files", "type=passport"))
	tests := []struct {
		name   string
		args   []string
		wantIs error
		want   string
	}{
		{"a file above the limit", []string{"attach", "add", doc, big}, errFileTooLarge, "100 MiB"},
		{"a directory", []string{"attach", "add", doc, t.TempDir()}, errNoFile, "not a regular file"},
		{"a missing file", []string{"attach", "add", doc, "no-such-file"}, os.ErrNotExist, "no-such-file"},
		{"an unknown type", []string{"attach", "add", doc, writeTemp(t, "a.txt", "a"), "--type", "banana"}, errBadValue, "mobio schema codes document_type"},
		{"an entry without a file", []string{"attach", "get", doc, noFile}, errNoFile, "has no file"},
		{"no such entry", []string{"attach", "get", doc, "zzzz"}, nil, "no entry zzzz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mobioErr(t, env, tt.want, tt.args...)
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("mobio %s: %v, want %v", strings.Join(tt.args, " "), err, tt.wantIs)
			}
		})
	}
	var files []fileEntry
	if err := json.Unmarshal([]byte(mustMobio(t, env, "attach", "ls", doc, "--json")), &files); err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].ID != noFile {
		t.Errorf("after the refusals attach ls lists %+v, want only the entry added by bio add", files)
	}
}

func TestOutputNameKeepsTheFileInTheDirectory(t *testing.T) {
	tests := map[string]string{
		"passport.pdf":         "passport.pdf",
		"../../etc/passwd":     "passwd",
		`C:\Users\a\scan.jpg`:  "scan.jpg",
		"/abs/path/cv.txt":     "cv.txt",
		"..":                   "k3x9",
		"":                     "k3x9",
		".bashrc":              "k3x9",
		"شهادة.pdf":            "شهادة.pdf",
		"dir/with/trailing/":   "trailing",
		"name with spaces.doc": "name with spaces.doc",
	}
	for in, want := range tests {
		if got := outputName(fileEntry{ID: "k3x9", FileName: in}); got != want {
			t.Errorf("outputName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProgressText(t *testing.T) {
	tests := []struct {
		done, total int64
		want        string
	}{
		{0, 2048, "up [........................]   0% 0 B / 2.0 KiB"},
		{1024, 2048, "up [############............]  50% 1.0 KiB / 2.0 KiB"},
		{4096, 2048, "up [########################] 100% 2.0 KiB / 2.0 KiB"},
		{5 << 20, 0, "up 5.0 MiB"},
	}
	for _, tt := range tests {
		if got := progressText("up", tt.done, tt.total); got != tt.want {
			t.Errorf("progressText(%d, %d) = %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
}

func TestIsYes(t *testing.T) {
	for s, want := range map[string]bool{
		"y": true, "Yes": true, "ja": true, "j": true, "oui": true, "o": true, "نعم": true, "بله": true,
		"": false, "n": false, "nein": false, "no": false, "yes please": false,
	} {
		if got := isYes(s); got != want {
			t.Errorf("isYes(%q) = %v, want %v", s, got, want)
		}
	}
}
