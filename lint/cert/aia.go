package cert

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

const (
	aiaTimeout  = 5 * time.Second
	aiaMaxBody  = 64 << 10
	aiaMaxFetch = 16
)

// checkAIA fetches each http:// caIssuers URL once, without following
// redirects, and records those that redirect (PX312: the connector does not
// follow an HTTP-to-HTTPS redirect when it builds the chain). No retries; the
// body is read up to a bound and discarded.
func checkAIA(ctx context.Context, a *AIAResult, client *http.Client) {
	a.Checked = true
	c := http.Client{Timeout: aiaTimeout}
	if client != nil {
		c = *client // a copy: the caller's CheckRedirect is not touched
		if c.Timeout == 0 || c.Timeout > aiaTimeout {
			c.Timeout = aiaTimeout
		}
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for i, u := range a.URLs {
		if i >= aiaMaxFetch {
			a.Errors = append(a.Errors, fmt.Sprintf("%s: not fetched (more than %d URLs)", u, aiaMaxFetch))
			continue
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			a.Errors = append(a.Errors, fmt.Sprintf("%s: %v", u, err))
			continue
		}
		resp, err := c.Do(req)
		if err != nil {
			a.Errors = append(a.Errors, fmt.Sprintf("%s: %v", u, err))
			continue
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, aiaMaxBody))
		_ = resp.Body.Close()
		if resp.StatusCode >= 300 && resp.StatusCode < 400 {
			loc := resp.Header.Get("Location")
			a.Redirects = append(a.Redirects, Redirect{URL: u, Location: loc, Status: resp.StatusCode, ToHTTPS: strings.HasPrefix(strings.ToLower(loc), "https://")})
		} else if resp.StatusCode >= 400 {
			a.Errors = append(a.Errors, fmt.Sprintf("%s: HTTP %d", u, resp.StatusCode))
		}
	}
}

// CheckAIAURLs fetches http:// caIssuers URLs the way PX312 does (once
// each, no redirects followed, bounded), for callers outside certificate
// collection: PX716 with --online, on the Management Node's CA
// certificates of an Infinity export.
func CheckAIAURLs(ctx context.Context, urls []string, client *http.Client) AIAResult {
	a := AIAResult{URLs: urls}
	checkAIA(ctx, &a, client)
	return a
}
