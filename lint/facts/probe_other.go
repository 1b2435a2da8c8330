//go:build !windows

package facts

// Outside Windows the culture comes from the POSIX locale environment (see
// posixLocale); there is no user locale to ask.
func userLocale() string     { return "" }
func userUILanguage() string { return "" }
