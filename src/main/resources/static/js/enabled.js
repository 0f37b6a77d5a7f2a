// Before the page is drawn, as GOV.UK's page template does inline: styles for JavaScript (and for browsers
// govuk-frontend supports) apply from the start, so nothing jumps. A file, not inline, so that the
// Content-Security-Policy allows scripts from TESSA's own address only.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
