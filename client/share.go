package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// maxRebase bounds how often a membership operation is rebuilt on a newer log head.
const maxRebase = 5

// withSession runs fn on the live session, or on a connection made for fn alone.
func (c *Client) withSession(ctx context.Context, fn func(s *session) error) error {
	if s := c.liveSession(); s != nil && s.err() == nil {
		return fn(s)
	}
	s, err := c.dial(ctx, false)
	if err != nil {
		return err
	}
	defer s.close(nil)
	return fn(s)
}

// membershipOp builds an operation on the newest log and appends it on the relay, building it
// again when another operation came first. build runs with ds.mu held.
func (c *Client) membershipOp(ctx context.Context, id e2ee.DocID, build func(ds *docState) ([]byte, error)) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	ds.mu.Unlock()
	return c.withSession(ctx, func(s *session) error {
		if err := c.pushPendingOps(ctx, s, ds); err != nil {
			return err
		}
		for range maxRebase {
			if err := c.refreshLog(ctx, s, ds); err != nil {
				return err
			}
			ds.mu.Lock()
			if ds.erased {
				ds.mu.Unlock()
				return fmt.Errorf("document %s: %w", short(id), ErrErased)
			}
			if ds.keys == nil {
				ds.mu.Unlock()
				return fmt.Errorf("document %s: %w", short(id), ErrNotMember)
			}
			op, err := build(ds)
			ds.mu.Unlock()
			if err != nil {
				return err
			}
			_, err = s.pushOp(ctx, id, op)
			var pe *protocol.Error
			if errors.As(err, &pe) && pe.Code == protocol.CodeStaleHead {
				continue // someone else changed the membership first: rebuild on their change
			}
			if err != nil {
				return fmt.Errorf("membership change refused: %w", err)
			}
			ds.mu.Lock()
			err = c.appendOpsLocked(ctx, ds, [][]byte{op}, true)
			if ds.sync.reconcile && ds.sync.s != nil {
				c.startReconcileLocked(ds)
			}
			ds.mu.Unlock()
			return err
		}
		return fmt.Errorf("membership change: the log kept changing; try again: %w", e2ee.ErrStaleHead)
	})
}

// keysLocked returns the document's keys or ErrNotMember. ds.mu must be held.
func (ds *docState) keysLocked() (*keyring.Keys, error) {
	if ds.keys == nil {
		return nil, fmt.Errorf("document %s: %w", short(ds.id), ErrNotMember)
	}
	return ds.keys, nil
}

// Invite makes a single-use invite link for role (counsellor or viewer), valid for ttl, under
// base (such as "https://relay.example/"): the secret is in the link's fragment only. Needs
// the relay.
func (c *Client) Invite(ctx context.Context, id e2ee.DocID, role e2ee.Role, ttl time.Duration, base string) (string, error) {
	if ttl <= 0 {
		return "", fmt.Errorf("invite: the validity must be positive, got %v", ttl)
	}
	var link string
	err := c.membershipOp(ctx, id, func(ds *docState) ([]byte, error) {
		keys, err := ds.keysLocked()
		if err != nil {
			return nil, err
		}
		op, secret, err := keyring.CreateInvite(c.id, ds.membership(), keys, role, c.cfg.Now().Add(ttl))
		if err != nil {
			return nil, fmt.Errorf("invite: %w", err)
		}
		link = keyring.InviteLink(base, id, secret)
		return op, nil
	})
	if err != nil {
		return "", err
	}
	return link, nil
}

// Accept redeems an invite link and adds the document to the local store under title. Needs
// the relay. The document's content arrives with the next sync.
func (c *Client) Accept(ctx context.Context, link, title string) (e2ee.DocID, error) {
	id, secret, err := keyring.ParseInviteLink(link)
	if err != nil {
		return e2ee.DocID{}, fmt.Errorf("invite link: %w", err)
	}
	if _, err := c.store.LoadDoc(ctx, id); err == nil {
		return id, fmt.Errorf("document %s: %w", short(id), ErrExists)
	}
	err = c.withSession(ctx, func(s *session) error {
		for range maxRebase {
			replies, err := s.request(ctx, func(req uint64) protocol.Frame {
				return protocol.InviteFetch{ReqID: req, Doc: id, Proof: secret.Proof()}
			})
			if err != nil {
				return fmt.Errorf("fetch the invite: %w", err)
			}
			ops := collectOps(replies)
			var log e2ee.Log
			for i, op := range ops {
				if err := log.Append(op); err != nil {
					return fmt.Errorf("the document's membership log does not verify at operation %d: %w", i+1, err)
				}
			}
			if log.Membership().Doc() != id {
				return fmt.Errorf("the relay sent the log of another document: %w", e2ee.ErrWrongDocument)
			}
			op, err := keyring.RedeemInvite(c.id, log.Membership(), secret)
			if err != nil {
				return fmt.Errorf("redeem the invite: %w", err)
			}
			_, err = s.pushOp(ctx, id, op)
			var pe *protocol.Error
			if errors.As(err, &pe) && pe.Code == protocol.CodeStaleHead {
				continue
			}
			if err != nil {
				return fmt.Errorf("redeem the invite: %w", err)
			}
			rec := DocRecord{ID: id, Title: title, Log: append(ops, op), Own: e2ee.ChainHead{Author: c.id.ID()}}
			if err := c.store.CreateDoc(ctx, rec); err != nil {
				return fmt.Errorf("store the document: %w", err)
			}
			return nil
		}
		return fmt.Errorf("redeem the invite: the log kept changing; try again: %w", e2ee.ErrStaleHead)
	})
	if err != nil {
		return e2ee.DocID{}, err
	}
	c.poke()
	return id, nil
}

// Join adds a document this identity was made a member of (by [Client.Add] on another
// device) to the local store under title; its membership log and content arrive with the
// next sync.
func (c *Client) Join(ctx context.Context, id e2ee.DocID, title string) error {
	if err := c.store.CreateDoc(ctx, DocRecord{ID: id, Title: title, Own: e2ee.ChainHead{Author: c.id.ID()}}); err != nil {
		return fmt.Errorf("join document %s: %w", short(id), err)
	}
	c.poke()
	return nil
}

// Add adds member with role, after the caller compared its fingerprint in person. Needs the
// relay.
func (c *Client) Add(ctx context.Context, id e2ee.DocID, member e2ee.IdentityPublic, role e2ee.Role) error {
	return c.membershipOp(ctx, id, func(ds *docState) ([]byte, error) {
		keys, err := ds.keysLocked()
		if err != nil {
			return nil, err
		}
		return keyring.AddMember(c.id, ds.membership(), keys, member, role)
	})
}

// Revoke removes member and rotates the epoch, so that it reads nothing written after. Needs
// the relay.
func (c *Client) Revoke(ctx context.Context, id e2ee.DocID, member e2ee.IdentityID) error {
	if member == c.id.ID() {
		return c.Leave(ctx, id)
	}
	return c.membershipOp(ctx, id, func(ds *docState) ([]byte, error) {
		keys, err := ds.keysLocked()
		if err != nil {
			return nil, err
		}
		op, _, err := keyring.RemoveMember(c.id, ds.membership(), keys, member)
		return op, err
	})
}

// Transfer hands the document to successor, a counsellor, recording consentID (the ID of the
// consent entry in the document by which the newcomer agreed); with leave, the client's
// identity then leaves (rotation), so that it cannot read what is written after. Needs the
// relay.
func (c *Client) Transfer(ctx context.Context, id e2ee.DocID, successor e2ee.IdentityPublic, consentID string, leave bool) error {
	if consentID == "" {
		return errors.New("transfer: the newcomer's consent must be recorded in the document first; give its ID")
	}
	err := c.membershipOp(ctx, id, func(ds *docState) ([]byte, error) {
		keys, err := ds.keysLocked()
		if err != nil {
			return nil, err
		}
		return keyring.Transfer(c.id, ds.membership(), keys, successor, consentID)
	})
	if err != nil || !leave {
		return err
	}
	return c.Leave(ctx, id)
}

// Leave removes the client's own identity from the document (rotation), after sending its
// local changes. Needs the relay.
func (c *Client) Leave(ctx context.Context, id e2ee.DocID) error {
	if err := c.flushOutbox(ctx, id); err != nil {
		return fmt.Errorf("leave: send local changes first: %w", err)
	}
	return c.membershipOp(ctx, id, func(ds *docState) ([]byte, error) {
		keys, err := ds.keysLocked()
		if err != nil {
			return nil, err
		}
		op, _, err := keyring.RemoveMember(c.id, ds.membership(), keys, c.id.ID())
		return op, err
	})
}

// flushOutbox makes sure the relay has every local change of the document.
func (c *Client) flushOutbox(ctx context.Context, id e2ee.DocID) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	n := ds.pending()
	ds.mu.Unlock()
	if n == 0 {
		return nil
	}
	if s := c.liveSession(); s != nil {
		return s.waitSynced(ctx, []e2ee.DocID{id}) // the live session pushes them
	}
	return c.Sync(ctx)
}

// Erase erases the document on the relay (owner only) and deletes the local replica. Needs
// the relay.
func (c *Client) Erase(ctx context.Context, id e2ee.DocID) error {
	ds, err := c.open(ctx, id)
	if err != nil {
		return err
	}
	ds.mu.Unlock()
	err = c.withSession(ctx, func(s *session) error {
		if err := c.pushPendingOps(ctx, s, ds); err != nil {
			return err
		}
		if err := c.refreshLog(ctx, s, ds); err != nil {
			return err
		}
		ds.mu.Lock()
		head := ds.membership().Head()
		ds.mu.Unlock()
		sig, err := c.id.Sign(e2ee.LabelErase, id[:], head[:])
		if err != nil {
			return fmt.Errorf("sign the erasure: %w", err)
		}
		_, err = s.request(ctx, func(req uint64) protocol.Frame {
			return protocol.Erase{ReqID: req, Doc: id, Head: head, Signature: sig}
		})
		if err != nil {
			return fmt.Errorf("erase: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.markErased(ds)
	if err := c.store.DeleteDoc(ctx, id); err != nil {
		return fmt.Errorf("delete the local replica: %w", err)
	}
	c.mu.Lock()
	delete(c.docs, id)
	c.mu.Unlock()
	return nil
}
