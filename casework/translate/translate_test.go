package translate_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/translate"
	"github.com/mobio-sync/mobio/casework/translate/translatetest"
	"github.com/mobio-sync/mobio/crdt"
)

var now = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func newDoc(t *testing.T, path, text, lang string) *crdtdoc.Doc {
	t.Helper()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	d := crdtdoc.Wrap(b)
	if err := d.SetText(path, text, lang); err != nil {
		t.Fatal(err)
	}
	return d
}

func provider(t *testing.T, s *translatetest.Server, key string) *translate.LibreTranslate {
	t.Helper()
	p, err := translate.NewLibreTranslate(s.URL, key, s.Client())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFieldStoresMachineTranslationBesideOriginal(t *testing.T) {
	s := translatetest.New()
	defer s.Close()
	s.Dictionary["ar>de:خبز وحلويات"] = "Brot und Süßwaren"
	d := newDoc(t, "living.interests", "خبز وحلويات", "ar")

	tr, err := translate.Field(context.Background(), provider(t, s, ""), d, "living.interests", "de", now)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Text != "Brot und Süßwaren" || tr.Source != "machine" || tr.Engine != "libretranslate" {
		t.Errorf("Field returned %+v", tr)
	}
	got, err := d.Text("living.interests")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "خبز وحلويات" || got.Lang != "ar" {
		t.Errorf("the original changed: %q (%s)", got.Text, got.Lang)
	}
	de := got.Translations["de"]
	if de.Text != "Brot und Süßwaren" || de.Source != "machine" || de.Engine != "libretranslate" || !de.At.Equal(now) {
		t.Errorf("stored translation = %+v, want the machine translation with engine and time", de)
	}
	reqs := s.Requests()
	if len(reqs) != 1 || reqs[0].Source != "ar" || reqs[0].Target != "de" || reqs[0].Q != "خبز وحلويات" {
		t.Errorf("the service received %+v, want one ar→de request with the field's text", reqs)
	}
}

func TestConfirmMakesTranslationHuman(t *testing.T) {
	s := translatetest.New()
	defer s.Close()
	d := newDoc(t, "living.interests", "football", "en")
	if _, err := translate.Field(context.Background(), provider(t, s, ""), d, "living.interests", "de", now); err != nil {
		t.Fatal(err)
	}
	later := now.Add(time.Hour)
	if _, err := translate.Confirm(d, "living.interests", "de", "counsellor-1", "Fußball", later); err != nil {
		t.Fatal(err)
	}
	got, _ := d.Text("living.interests")
	de := got.Translations["de"]
	if de.Text != "Fußball" || de.Source != "human" || de.By != "counsellor-1" || de.Engine != "" {
		t.Errorf("after Confirm the translation is %+v, want the corrected human translation", de)
	}
	if _, err := translate.Confirm(d, "living.interests", "fr", "x", "", later); err == nil {
		t.Error("confirming a translation that does not exist succeeded")
	}
}

func TestFieldErrors(t *testing.T) {
	s := translatetest.New()
	defer s.Close()
	s.Key = "secret-key"
	s.Languages = []string{"de", "en", "ar", "fa"}
	tests := []struct {
		name      string
		text      string
		lang, to  string
		key       string
		rateLimit bool
		want      error
	}{
		{name: "empty field", text: "", lang: "en", to: "de", key: "secret-key", want: translate.ErrEmpty},
		{name: "same language", text: "Hallo", lang: "de", to: "de-DE", key: "secret-key", want: translate.ErrSameLang},
		{name: "wrong key", text: "hello", lang: "en", to: "de", key: "wrong", want: translate.ErrAuth},
		{name: "unsupported target", text: "hello", lang: "en", to: "fr", key: "secret-key", want: translate.ErrUnsupported},
		{name: "rate limited", text: "hello", lang: "en", to: "de", key: "secret-key", rateLimit: true, want: translate.ErrQuota},
		{name: "too long", text: strings.Repeat("a", translate.MaxChars+1), lang: "en", to: "de", key: "secret-key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s.RateLimit(tc.rateLimit)
			d := newDoc(t, "living.interests", tc.text, tc.lang)
			_, err := translate.Field(context.Background(), provider(t, s, tc.key), d, "living.interests", tc.to, now)
			if err == nil {
				t.Fatal("Field succeeded")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Field error = %v, want %v", err, tc.want)
			}
			if got, _ := d.Text("living.interests"); len(got.Translations) != 0 {
				t.Errorf("a failed translation stored %+v", got.Translations)
			}
		})
	}
}

func TestUnavailableServiceNamesNoText(t *testing.T) {
	s := translatetest.New()
	url := s.URL
	s.Close()
	p, err := translate.NewLibreTranslate(url, "", &http.Client{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(t, "living.interests", "geheime Angabe", "de")
	_, err = translate.Field(context.Background(), p, d, "living.interests", "en", now)
	if !errors.Is(err, translate.ErrUnavailable) {
		t.Fatalf("error = %v, want ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), "geheime") {
		t.Errorf("the error repeats the text: %v", err)
	}
}

func TestNewLibreTranslateRefusesBadURL(t *testing.T) {
	for _, u := range []string{"", "ftp://x", "localhost:5000", "http://"} {
		if _, err := translate.NewLibreTranslate(u, "", nil); err == nil {
			t.Errorf("NewLibreTranslate(%q) succeeded", u)
		}
	}
}

func TestStoreRefusesTranslationOfChangedText(t *testing.T) {
	s := translatetest.New()
	defer s.Close()
	d := newDoc(t, "living.interests", "football", "en")
	q, err := translate.Prepare(d, "living.interests", "de")
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "football" || q.Lang != "en" {
		t.Errorf("Prepare = %+v, want the field's text and language", q)
	}
	tr, err := q.Run(context.Background(), provider(t, s, ""), now)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetText("living.interests", "football and chess", "en"); err != nil {
		t.Fatal(err)
	}
	if err := translate.Store(d, q, tr); !errors.Is(err, translate.ErrChanged) {
		t.Errorf("Store after an edit = %v, want ErrChanged", err)
	}
}

func TestSensitiveFieldsNeverLeave(t *testing.T) {
	s := translatetest.New()
	defer s.Close()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	d := crdtdoc.Wrap(b)
	contact, err := d.AddEntry("contacts.contacts")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"support_needs.other_support_needs",      // special category (Art. 9)
		"contacts.contacts." + contact + ".note", // restricted: counselling notes
		"person.name_original_script",            // a name
	} {
		if err := d.SetText(path, "نص سري", "ar"); err != nil {
			t.Fatal(err)
		}
		if _, err := translate.Field(context.Background(), provider(t, s, ""), d, path, "de", now); !errors.Is(err, translate.ErrNotAllowed) {
			t.Errorf("translating %s: %v, want ErrNotAllowed", path, err)
		}
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("the service received %d requests", n)
	}
}
