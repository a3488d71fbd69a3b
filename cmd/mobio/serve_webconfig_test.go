package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The web app learns the operator's controller and data protection officer (for its consent
// texts) and translation service from /config.json, which mobio serve fills from its flags or
// the same environment variables the CLI reads.
func TestServeWebAppConfig(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"MOBIO_CONTROLLER":    "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt",
		"MOBIO_TRANSLATE_URL": "https://translate.musterkreis.example",
	}
	r := startServe(t, env, "--addr", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data"), "--web", web,
		"--dpo", "datenschutz@musterkreis.example")
	resp, err := http.Get("http://" + r.addr + "/config.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatalf("decode /config.json: %v", err)
	}
	want := map[string]string{
		"controller":   env["MOBIO_CONTROLLER"],
		"dpo":          "datenschutz@musterkreis.example",
		"translateURL": env["MOBIO_TRANSLATE_URL"],
	}
	if len(got) != len(want) {
		t.Errorf("/config.json = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("/config.json %s = %q, want %q", k, got[k], v)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'self' https://translate.musterkreis.example;") {
		t.Errorf("Content-Security-Policy %q: the page cannot reach the translation service", csp)
	}
}

func TestServeRefusesATranslateURLWithCredentials(t *testing.T) {
	for _, u := range []string{"https://user:secret@translate.example", "https://translate.example/?api_key=secret", "translate.example"} {
		args := []string{"serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data"), "--translate-url", u}
		_, _, err := mobio(t, nil, args...)
		checkErr(t, args, err, "--translate-url: translation service:")
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("the error repeats the credentials: %v", err)
		}
	}
}
