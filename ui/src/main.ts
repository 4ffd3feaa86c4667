import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { LOCALE, t } from "./lib/i18n";

document.documentElement.lang = LOCALE;
document.title = t("app-title");

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");

export default mount(App, { target });
