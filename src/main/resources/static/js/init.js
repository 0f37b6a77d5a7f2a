import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

initAll()

// Radios that reveal questions beneath an option: GOV.UK's markup and classes, but without the aria-expanded that
// govuk-frontend's own Radios module puts on each radio. ARIA does not allow that attribute on a radio (axe-core's
// aria-allowed-attr; govuk-frontend issue 979), and the revealed questions follow their option directly, so a
// screen reader reaches them next. Without JavaScript every question shows and the server ignores those that do
// not apply.
for (const radios of document.querySelectorAll('[data-module="tessa-conditional-radios"]')) {
  const inputs = [...radios.querySelectorAll('input[type="radio"]')]
  for (const input of inputs) {
    const target = input.getAttribute('data-aria-controls')
    if (target && document.getElementById(target)) {
      input.setAttribute('aria-controls', target)
      input.removeAttribute('data-aria-controls')
    }
  }
  const sync = () => {
    for (const input of inputs) {
      const revealed = document.getElementById(input.getAttribute('aria-controls'))
      revealed?.classList.toggle('govuk-radios__conditional--hidden', !input.checked)
    }
  }
  radios.addEventListener('change', sync)
  sync()
}
