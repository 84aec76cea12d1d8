// Runs first in every npm script. Plain CommonJS with no modern syntax so that it still
// parses on the old Node it is there to refuse.
var v = process.versions.node.split('.').map(Number);
if (v[0] < 22 || (v[0] === 22 && v[1] < 12)) {
  console.error(
    '法治年报需要 Node 22.12 或更高版本，当前是 ' + process.version +
    '。请在项目目录运行 npm ci：它会把 Node 22 装进 node_modules/.bin，npm run 的脚本随后都用它。' +
    ' (Node >= 22.12 required; run `npm ci` so npm scripts use the Node 22 in node_modules/.bin.)'
  );
  process.exit(1);
}
