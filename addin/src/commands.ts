/// <reference types="office-js" />
/**
 * The function file the manifest names. The ribbon button only opens the task pane (ShowTaskpane),
 * so there are no function commands; Office still loads this page and waits for onReady.
 */
const office = (globalThis as { Office?: typeof Office }).Office;
office?.onReady(() => {});
