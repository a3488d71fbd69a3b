// Package translatetest runs a small LibreTranslate-compatible service on 127.0.0.1 for tests.
package translatetest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
)

// Server is a fake LibreTranslate service. Its translation of a text is the entry of
// Dictionary, else "[<target>] <text>", so a test can tell what was sent and what came back.
type Server struct {
	*httptest.Server
	// Key, when set, is the API key the service requires.
	Key string
	// Languages are the languages offered; every pair of them is supported.
	Languages []string
	// Dictionary maps "source>target:text" to a translation.
	Dictionary map[string]string

	mu       sync.Mutex
	requests []Request
	limited  bool
}

// Request is what the service received.
type Request struct {
	Q, Source, Target, APIKey string
}

// New starts a service offering de, en, ar, fa and fr; Close it when done.
func New() *Server {
	s := &Server{Languages: []string{"de", "en", "ar", "fa", "fr"}, Dictionary: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /translate", s.translate)
	mux.HandleFunc("GET /languages", s.languages)
	s.Server = httptest.NewServer(mux)
	return s
}

// Requests returns what the service has received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// RateLimit makes the service answer 429 Too Many Requests (on) or translate again (off).
func (s *Server) RateLimit(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited = on
}

func (s *Server) translate(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Q      string `json:"q"`
		Source string `json:"source"`
		Target string `json:"target"`
		Format string `json:"format"`
		APIKey string `json:"api_key"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		answer(w, http.StatusBadRequest, map[string]string{"error": "Invalid request: " + err.Error()})
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{Q: req.Q, Source: req.Source, Target: req.Target, APIKey: req.APIKey})
	limited := s.limited
	s.mu.Unlock()
	switch {
	case limited:
		answer(w, http.StatusTooManyRequests, map[string]string{"error": "Slowdown: 1 per 1 minute"})
	case s.Key != "" && req.APIKey != s.Key:
		answer(w, http.StatusForbidden, map[string]string{"error": "Invalid API key"})
	case req.Source != "auto" && !slices.Contains(s.Languages, req.Source):
		answer(w, http.StatusBadRequest, map[string]string{"error": req.Source + " is not supported"})
	case !slices.Contains(s.Languages, req.Target):
		answer(w, http.StatusBadRequest, map[string]string{"error": req.Target + " is not supported"})
	default:
		out, ok := s.Dictionary[req.Source+">"+req.Target+":"+req.Q]
		if !ok {
			out = "[" + req.Target + "] " + req.Q
		}
		answer(w, http.StatusOK, map[string]string{"translatedText": out})
	}
}

func (s *Server) languages(w http.ResponseWriter, _ *http.Request) {
	type lang struct {
		Code    string   `json:"code"`
		Name    string   `json:"name"`
		Targets []string `json:"targets"`
	}
	var out []lang
	for _, l := range s.Languages {
		out = append(out, lang{Code: l, Name: l, Targets: s.Languages})
	}
	answer(w, http.StatusOK, out)
}

func answer(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
