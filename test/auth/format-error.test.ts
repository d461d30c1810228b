import pino from "pino";
import { AuthenticationError, AuthorizationError } from "type-graphql";
import { UnauthenticatedError } from "../../src/core/errors";
import { createFormatError } from "../../src/server/format-error";

describe("formatError and auth errors", () => {
  const format = createFormatError(pino({ level: "silent" }));

  it("gives type-graphql's own auth errors the app's codes", () => {
    const authn = new AuthenticationError();
    const authz = new AuthorizationError();
    expect(format(authn.toJSON(), authn).extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect(format(authz.toJSON(), authz).extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("keeps the HTTP head of an error out of the client's JSON", () => {
    const error = new UnauthenticatedError("no", { http: { status: 401 } });
    expect(format(error.toJSON(), error).extensions).toEqual({ code: "UNAUTHENTICATED" });
  });
});
