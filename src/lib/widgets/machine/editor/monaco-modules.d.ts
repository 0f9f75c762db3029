/**
 * Monaco ships no type declarations for its contribution modules, which are imported only for
 * their side effect (registering an editor contribution). monaco-loader.ts imports these.
 */
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController';
