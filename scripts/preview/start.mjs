// npm start: the local preview. Until the preview server lands, say what it will be and what runs now.
console.log(`Referral Program: local preview

The local preview (components for reps, admins and advocates rendered in the browser with
the TypeScript rules engine and sample data, no org needed) is not built yet.

What you can run today:
  npm test                  every quality gate, offline
  npm run test:conformance  the docs/rules.md vectors against the TypeScript engine
  npm run bench             engine benchmarks
  npm run org:create        a scratch org (needs a Dev Hub), then npm run org:deploy and npm run org:seed
`);
