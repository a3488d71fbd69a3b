package syncserver

// EvictIdle runs one sweep for unused documents at once, as the relay does periodically, and
// returns how many it evicted.
func (s *Server) EvictIdle() int { return s.evictIdle() }
