import { decorateTable, runDecorateBench } from './decorate-bench';
const rows = await runDecorateBench({ runs: Number(process.env.RUNS) || 5, only: process.env.ONLY?.split(','), log: (s) => console.error(s) });
console.log(decorateTable(rows));
