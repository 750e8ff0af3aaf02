// Entry point: mounts Kontor's window into #root with the house styles.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles/base.css";
import "./styles/forms.css";
import "./styles/screens.css";
import "./styles/frame.css";
import "./styles/tables.css";
import "./styles/lists.css";
import "./styles/orders.css";
import "./styles/reports.css";
import "./styles/attachments.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
