export { xuejiBrand } from "./brand";
export { SEVERITY_FILL, SEVERITY_STRONG } from "./severity";
export { xuejiDarkTheme, xuejiLightTheme } from "./theme";
