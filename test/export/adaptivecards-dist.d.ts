// The Node build of the Adaptive Cards library has the same API as the package entry.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
