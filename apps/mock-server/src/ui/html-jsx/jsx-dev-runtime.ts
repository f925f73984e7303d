/**
 * @module The development entry of the HTML JSX runtime: Vite (and so vitest) compiles JSX in development
 * mode, which imports `jsxDEV` from here. Its extra arguments (source location, static children) change
 * nothing.
 */
export { Fragment, type JSX, jsx as jsxDEV } from './jsx-runtime.js';
