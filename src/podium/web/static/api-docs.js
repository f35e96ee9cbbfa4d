// Starts the vendored Swagger UI on the API's OpenAPI document (/api/v1/docs).
window.addEventListener("load", function () {
  window.SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
