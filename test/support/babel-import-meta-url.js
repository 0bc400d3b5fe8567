// Jest runs NestJS 12's ES modules as CommonJS; there `import.meta.url` becomes the module's file URL.
// (The published plugins go through `require`, which Nest's own `const require = createRequire(...)` shadows.)
module.exports = function importMetaUrl({ types: t }) {
  return {
    visitor: {
      MetaProperty(path) {
        const parent = path.parentPath;
        if (!parent.isMemberExpression() || !t.isIdentifier(parent.node.property, { name: 'url' })) return;
        parent.replaceWith(t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')));
      },
    },
  };
};
