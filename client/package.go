package client

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// Disclosure packages: a member who may write a document stores a package of it on the relay
// (ciphertext the caller sealed, with an expiry), and withdraws it; anyone with the package's
// ID fetches the ciphertext, without an identity. The key that opens it belongs in the link's
// fragment and never reaches the relay. See protocol/package.go for the requests.

// PackageID names a disclosure package on the relay: 128 random bits from [NewPackageID],
// which are the capability to fetch its ciphertext. Its text form ([PackageID.String],
// [ParsePackageID]) is unpadded URL-safe base64, 22 characters, safe in a URL's path and
// fragment. It is protocol's type, so that code that must not import the client (the
// browser's case work) names the same one.
type PackageID = protocol.PackageID

// NewPackageID returns a fresh random package ID.
func NewPackageID() PackageID { return protocol.NewPackageID() }

// ParsePackageID parses the text form of a package ID, and nothing else.
func ParsePackageID(s string) (PackageID, error) { return protocol.ParsePackageID(s) }

// MaxFetchedPackageBytes bounds what [FetchPackage] reads: a relay that sends more is
// refused. It is well above the relay's default limit (protocol.DefaultMaxPackageBytes).
const MaxFetchedPackageBytes = 64 << 20

// Errors of package requests that callers branch on. Other refusals are a *protocol.Error
// with the relay's code and message (also wrapped with these two).
var (
	// ErrNoSuchPackage: the relay has no such package: unknown, withdrawn or expired (the
	// relay does not say which).
	ErrNoSuchPackage = errors.New("client: no such package (unknown, withdrawn or expired)")
	// ErrPackageTaken: the package ID holds other bytes, or held a package that was
	// withdrawn; a new package needs a new ID.
	ErrPackageTaken = errors.New("client: the package ID is taken")
)

// PutPackage stores ciphertext on the relay as package id of document doc, until expires
// (kept to the second; at most the relay's limit ahead, 90 days by default). The client's
// identity must be a member of doc who may write (an owner or a counsellor). Storing the same
// bytes under the same ID again succeeds, so a caller that lost the answer repeats the call.
func (c *Client) PutPackage(ctx context.Context, doc e2ee.DocID, id PackageID, ciphertext []byte, expires time.Time) error {
	content := e2ee.Hash(sha256.Sum256(ciphertext))
	req, err := c.packageRequest(ctx, http.MethodPut, doc, id, bytes.NewReader(ciphertext))
	if err != nil {
		return fmt.Errorf("put package: %w", err)
	}
	req.Header.Set(protocol.HeaderExpires, protocol.FormatExpiry(expires))
	req.Header.Set(protocol.HeaderContentSHA256, content.String())
	req.ContentLength = int64(len(ciphertext))
	if err := c.signPackage(req, doc, id, expires, content); err != nil {
		return fmt.Errorf("put package: %w", err)
	}
	if err := c.doPackage(req, http.StatusCreated, http.StatusOK); err != nil {
		return fmt.Errorf("put package: %w", err)
	}
	return nil
}

// WithdrawPackage withdraws package id of document doc: the relay deletes its bytes before it
// answers, and from then on answers a fetch of id as it answers an unknown ID. The client's
// identity must be a member of doc who may write. Withdrawing a package that was withdrawn
// or expired before succeeds; an ID the relay does not know (or no longer remembers, some
// minutes after its expiry) returns [ErrNoSuchPackage].
func (c *Client) WithdrawPackage(ctx context.Context, doc e2ee.DocID, id PackageID) error {
	req, err := c.packageRequest(ctx, http.MethodDelete, doc, id, nil)
	if err != nil {
		return fmt.Errorf("withdraw package: %w", err)
	}
	if err := c.signPackage(req, doc, id, time.Time{}, e2ee.Hash{}); err != nil {
		return fmt.Errorf("withdraw package: %w", err)
	}
	if err := c.doPackage(req, http.StatusNoContent); err != nil {
		return fmt.Errorf("withdraw package: %w", err)
	}
	return nil
}

// FetchPackage fetches the ciphertext of package id from the relay at relayURL, without an
// identity: the ID is the capability. relayURL is the relay's WebSocket URL as clients are
// configured with it (ws://host/sync, wss://…) or its HTTP base (http://host, https://…).
// httpClient nil means http.DefaultClient. An unknown, withdrawn or expired package returns
// [ErrNoSuchPackage].
func FetchPackage(ctx context.Context, httpClient *http.Client, relayURL string, id PackageID) ([]byte, error) {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	target, err := packageURL(relayURL, id)
	if err != nil {
		return nil, fmt.Errorf("fetch package: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch package: %w", err)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: fetch package: %w", ErrOffline, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch package: %w", packageError(resp))
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxFetchedPackageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: fetch package: %w", ErrOffline, err)
	}
	if len(b) > MaxFetchedPackageBytes {
		return nil, fmt.Errorf("fetch package: the relay sent more than %d bytes", MaxFetchedPackageBytes)
	}
	return b, nil
}

// packageURL is the HTTP address of package id on the relay at relayURL: a WebSocket URL
// (its /sync endpoint) or an HTTP base, as attachments derive theirs.
func packageURL(relayURL string, id PackageID) (string, error) {
	u, err := url.Parse(relayURL)
	if err != nil {
		return "", fmt.Errorf("relay URL: %w", err)
	}
	switch u.Scheme {
	case "ws":
		u.Scheme = "http"
	case "wss":
		u.Scheme = "https"
	case "http", "https":
	default:
		return "", fmt.Errorf("relay URL %q: want ws://, wss://, http:// or https://", relayURL)
	}
	if u.Host == "" {
		return "", fmt.Errorf("relay URL %q: no host", relayURL)
	}
	base := strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/sync")
	u.Path = strings.TrimSuffix(base, "/") + "/packages/" + id.String()
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u.String(), nil
}

// packageRequest makes a member's request for package id of doc, not yet signed.
func (c *Client) packageRequest(ctx context.Context, method string, doc e2ee.DocID, id PackageID, body io.Reader) (*http.Request, error) {
	if c.cfg.Relay == "" {
		return nil, fmt.Errorf("%w: no relay configured", ErrOffline)
	}
	target, err := packageURL(c.cfg.Relay, id)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set(protocol.HeaderDocument, doc.String())
	return req, nil
}

// signPackage adds the headers that authorise a package request.
func (c *Client) signPackage(req *http.Request, doc e2ee.DocID, id PackageID, expires time.Time, content e2ee.Hash) error {
	now := c.cfg.Now()
	sig, err := c.id.Sign(protocol.LabelPackageRequest, protocol.PackageRequestParts(req.Method, doc, id, expires, content, now)...)
	if err != nil {
		return fmt.Errorf("sign package request: %w", err)
	}
	req.Header.Set(protocol.HeaderIdentity, c.id.ID().String())
	req.Header.Set(protocol.HeaderTime, strconv.FormatInt(now.UnixMilli(), 10))
	req.Header.Set(protocol.HeaderSignature, base64.RawURLEncoding.EncodeToString(sig))
	return nil
}

// doPackage sends req and returns nil if the relay answers one of the statuses ok.
func (c *Client) doPackage(req *http.Request, ok ...int) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrOffline, err)
	}
	defer resp.Body.Close()
	for _, status := range ok {
		if resp.StatusCode == status {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096)) // lets the connection be reused
			return nil
		}
	}
	return packageError(resp)
}

// packageError turns the relay's refusal of a package request into an error: a
// *protocol.Error with the relay's code, message and Retry-After, wrapped with
// [ErrNoSuchPackage] for 404 and [ErrPackageTaken] for 409.
func packageError(resp *http.Response) error {
	var answer struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	var err error = fmt.Errorf("relay answered %s", resp.Status)
	if json.Unmarshal(body, &answer) == nil && answer.Code != "" {
		pe := &protocol.Error{Code: codeNamed(answer.Code), Message: answer.Message}
		if s, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && s > 0 {
			pe.RetryAfter = time.Duration(s) * time.Second
		}
		err = pe
	}
	switch resp.StatusCode {
	case http.StatusNotFound:
		return fmt.Errorf("%w: %w", ErrNoSuchPackage, err)
	case http.StatusConflict:
		return fmt.Errorf("%w: %w", ErrPackageTaken, err)
	}
	return err
}

// codeNamed returns the code whose name is name, or CodeInternal for a name this version does
// not know.
func codeNamed(name string) protocol.Code {
	for c := protocol.Code(1); c.Known(); c++ {
		if c.String() == name {
			return c
		}
	}
	return protocol.CodeInternal
}
