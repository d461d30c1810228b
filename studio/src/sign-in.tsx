import { useState } from "preact/hooks";
import { useMutation } from "@urql/preact";
import { graphql } from "./gql";
import { InputField, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { navigate } from "./router";
import { useStoredState } from "./stored";

const SignInMutation = graphql(`
  mutation StudioSignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      account {
        id
        email
        displayName
        role
      }
    }
  }
`);

const AcceptInviteMutation = graphql(`
  mutation StudioAcceptInvite($token: String!, $password: String!) {
    acceptInvite(token: $token, password: $password) {
      account {
        id
        email
        displayName
        role
      }
    }
  }
`);

/** Email and password; the hub sets the session cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [form, setForm] = useStoredState("sign-in", { email: "" });
  const [password, setPassword] = useState("");
  const [result, signIn] = useMutation(SignInMutation);
  const errors = formErrors(result.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const res = await signIn({ email: form.email, password });
    if (res.data?.signIn) {
      setPassword("");
      onSignedIn();
      navigate("/moderation");
    }
  };
  return (
    <main class="narrow" id="main">
      <h1>Sign in to Crosstalk Studio</h1>
      <form onSubmit={submit} aria-label="Sign in">
        <GeneralErrors messages={errors.general} />
        <InputField
          id="sign-in-email"
          label="Email"
          error={errors.fields.email}
          type="email"
          autocomplete="username"
          required
          value={form.email}
          onValue={value => setForm({ email: value })}
        />
        <InputField
          id="sign-in-password"
          label="Password"
          error={errors.fields.password}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={value => setPassword(value)}
        />
        <button type="submit" disabled={result.fetching}>
          Sign in
        </button>
      </form>
    </main>
  );
}

/** The one-time invitation link: choose a password, and be signed in. */
export function AcceptInvite({ token, onSignedIn }: { token: string; onSignedIn: () => void }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [result, accept] = useMutation(AcceptInviteMutation);
  const errors = formErrors(result.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const res = await accept({ token, password });
    if (res.data?.acceptInvite) {
      onSignedIn();
      navigate("/moderation");
    }
  };
  return (
    <main class="narrow" id="main">
      <h1>Welcome to Crosstalk Studio</h1>
      <p>Choose a password to finish setting up your account. This link works once.</p>
      <form onSubmit={submit} aria-label="Set your password">
        <GeneralErrors messages={errors.general.concat(errors.fields.token ?? [])} />
        <InputField
          id="invite-password"
          label="New password"
          hint="12 to 200 characters."
          error={errors.fields.password}
          type="password"
          autocomplete="new-password"
          required
          value={password}
          onValue={value => setPassword(value)}
        />
        <InputField
          id="invite-confirm"
          label="Repeat the password"
          error={mismatch ? "The two passwords differ." : undefined}
          type="password"
          autocomplete="new-password"
          required
          value={confirm}
          onValue={value => setConfirm(value)}
        />
        <button type="submit" disabled={result.fetching}>
          Set password and sign in
        </button>
      </form>
    </main>
  );
}
