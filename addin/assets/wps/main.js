// biome-ignore-all lint/correctness/noUnusedVariables: WPS calls these functions by the names ribbon.xml gives.
/*
 * The WPS 加载项's interface functions, named in ribbon.xml. WPS loads this plugin folder
 * (/addin/wps/, listed in jsplugins.xml) and calls them; the pane itself is pane.html beside it.
 * Plain ES5: WPS runs it in its own Chromium, whatever its age.
 */
var XUEJI_PANE_KEY = "xueji_taskpane_id";

function xuejiPaneUrl() {
  return new URL("pane.html", document.location.href).href;
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== "object") window.Application.ribbonUI = ribbonUI;
  return true;
}

/** The 学籍核对 button: shows the pane, creating it the first time (one pane per WPS window). */
function OnAction(control) {
  if (control.Id !== "xuejiCheck") return true;
  var app = window.Application;
  var id = app.PluginStorage.getItem(XUEJI_PANE_KEY);
  var pane = id ? app.GetTaskPane(Number(id)) : null;
  if (!pane) {
    pane = app.CreateTaskPane(xuejiPaneUrl(), "学籍核对");
    app.PluginStorage.setItem(XUEJI_PANE_KEY, pane.ID);
  }
  pane.Visible = !pane.Visible || !id;
  return true;
}

function GetImage(control) {
  return control.Id === "xuejiCheck" ? "../icon-32.png" : "";
}
