package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/translate/translatetest"
)

func TestTranslateSendsOneFieldAndStoresMachineTranslation(t *testing.T) {
	svc := translatetest.New()
	defer svc.Close()
	svc.Key = "k-123"
	svc.Dictionary["ar>de:خبز وحلويات"] = "Brot und Süßwaren"
	env, doc := bioHome(t)
	keyFile := filepath.Join(t.TempDir(), "translate.key")
	if err := os.WriteFile(keyFile, []byte("k-123\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustMobio(t, env, "config", "set", "translate_url", svc.URL)
	env = with(env, "MOBIO_TRANSLATE_KEY_FILE", keyFile)
	mustMobio(t, env, "bio", "set", doc, "living.interests", "خبز وحلويات", "--input-lang", "ar")
	mustMobio(t, env, "bio", "set", doc, "living.clubs", "Chor", "--input-lang", "de")

	out, errOut, err := mobio(t, env, "translate", doc, "living.interests", "--yes", "--json")
	if err != nil {
		t.Fatalf("translate: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, svc.URL) {
		t.Errorf("translate did not say where the text goes; stderr:\n%s", errOut)
	}
	var got translationOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("translate --json printed %q: %v", out, err)
	}
	if got.Text != "Brot und Süßwaren" || got.Source != "machine" || got.Engine != "libretranslate" {
		t.Errorf("translate stored %+v", got)
	}
	reqs := svc.Requests()
	if len(reqs) != 1 || reqs[0].Q != "خبز وحلويات" || reqs[0].APIKey != "k-123" {
		t.Errorf("the service received %+v; want exactly the one field, with the API key", reqs)
	}
	tr := lookup(exported(t, env, doc), "living", "interests", "translations", "de")
	m, _ := tr.(map[string]any)
	if m == nil || m["text"] != "Brot und Süßwaren" || m["source"] != "machine" {
		t.Errorf("export shows the translation as %v", tr)
	}

	// A person checks and corrects it.
	mustMobio(t, env, "translate", "confirm", doc, "living.interests", "--text", "Brot backen und Süßwaren")
	tr = lookup(exported(t, env, doc), "living", "interests", "translations", "de")
	if m, _ := tr.(map[string]any); m == nil || m["text"] != "Brot backen und Süßwaren" || m["source"] != "human" {
		t.Errorf("after confirm the export shows %v", tr)
	}
}

func TestTranslateRefusals(t *testing.T) {
	svc := translatetest.New()
	defer svc.Close()
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "living.clubs", "Chor", "--input-lang", "de")
	mustMobio(t, env, "bio", "set", doc, "person.gender", "w")

	if _, _, err := mobio(t, env, "translate", doc, "living.clubs", "--yes"); err == nil || !strings.Contains(err.Error(), "translate_url") {
		t.Errorf("without a service: err %v; want a hint to translate_url", err)
	}
	mustMobio(t, env, "config", "set", "translate_url", svc.URL)
	for _, tc := range []struct{ name, path, want string }{
		{"coded field", "person.gender", "not a free-text field"},
		{"same language", "living.clubs", "already written in de"},
		{"empty field", "living.volunteering", "is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := mobio(t, env, "translate", doc, tc.path, "--yes")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("translate %s: err %v; want %q", tc.path, err, tc.want)
			}
		})
	}
	if n := len(svc.Requests()); n != 0 {
		t.Errorf("refused translations sent %d requests", n)
	}
	// Without a terminal and without --yes nothing is sent.
	mustMobio(t, env, "bio", "set", doc, "living.volunteering", "Tafel", "--input-lang", "de")
	if _, _, err := mobio(t, env, "translate", doc, "living.volunteering", "--to", "en"); err == nil {
		t.Error("translate without --yes and without a terminal succeeded")
	}
	if n := len(svc.Requests()); n != 0 {
		t.Errorf("an unconfirmed translation sent %d requests", n)
	}
}
