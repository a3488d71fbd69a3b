//go:build js

package client

import (
	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/protocol"
)

// dialOptions are the WebSocket options in the browser, whose WebSocket API takes no HTTP
// client.
func (c *Client) dialOptions() *websocket.DialOptions {
	return &websocket.DialOptions{Subprotocols: []string{protocol.Subprotocol}}
}
