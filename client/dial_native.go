//go:build !js

package client

import (
	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/protocol"
)

// dialOptions are the WebSocket options of a native client: the configured HTTP client
// carries the connection.
func (c *Client) dialOptions() *websocket.DialOptions {
	return &websocket.DialOptions{Subprotocols: []string{protocol.Subprotocol}, HTTPClient: c.cfg.HTTPClient}
}
