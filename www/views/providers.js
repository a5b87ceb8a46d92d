// The Identity providers view: loads a provider's push and pull configurations
// through the proxy and shows each with its validation issues at their fields.

import { h, identifier, replace } from "../lib/dom.js";
import { clearState, errorBlock, showLoading } from "../lib/states.js";
import { configurationSection } from "./config-view.js";

export function setUpProvidersView(ctx) {
  const form = document.getElementById("provider-form");
  const input = document.getElementById("provider-id");
  const area = document.getElementById("provider-state");
  const detail = document.getElementById("provider-detail");

  async function load(id) {
    const request = { InstanceId: ctx.settings.instanceId, IdentityProviderId: id };
    detail.replaceChildren();
    showLoading(area, "Loading the configurations…", detail);
    let client;
    try {
      client = ctx.client();
    } catch (error) {
      replace(area, errorBlock(error, { lib: ctx.lib, proxyUrl: ctx.settings.proxyUrl }));
      return;
    }
    const [push, pull] = await Promise.allSettled([
      client.getIdentityProviderUdPushConfiguration(request),
      client.getIdentityProviderUdPullConfiguration(request),
    ]);
    clearState(area, detail);
    const section = (kind, outcome, root) =>
      outcome.status === "fulfilled"
        ? configurationSection(ctx, kind, outcome.value[root], "from the proxy")
        : h("section", { class: `configuration configuration-${kind}`, "data-kind": kind },
            h("h3", {}, kind === "push" ? "Push (outbound) configuration" : "Pull (inbound) configuration"),
            errorBlock(outcome.reason, { lib: ctx.lib, proxyUrl: ctx.settings.proxyUrl }));
    replace(
      detail,
      h("p", { class: "provider-heading" }, "Identity provider ", identifier(id)),
      h("div", { class: "configurations" }, section("push", push, "UdPushConfiguration"), section("pull", pull, "UdPullConfiguration")),
    );
    if (push.status === "fulfilled" || pull.status === "fulfilled") ctx.addProvider(id);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) load(input.value.trim());
  });
  return {};
}
