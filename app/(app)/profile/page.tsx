// Your profile: name and registration number (printed on referral notes), your password, and
// personal API tokens.
import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/users/queries";
import { listOwnApiTokens } from "@/lib/auth/api-tokens";
import { ActionForm } from "@/components/users/ActionForm";
import { formatDateTime } from "@/components/audit/format";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/passwords";
import { changePasswordAction, createTokenAction, revokeTokenAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

export default async function ProfilePage() {
  const actor = await requireActor();
  const [profile, tokens] = await Promise.all([getOwnProfile(actor), listOwnApiTokens(actor)]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Profile</h1>
          <p>{profile.email}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your details</h2>
        <ActionForm action={updateProfileAction} submitLabel="Save profile" testId="profile-form">
          <label className="field">
            Name
            <input name="name" className="input" defaultValue={profile.name} required maxLength={200} />
          </label>
          <label className="field">
            Registration number
            <input name="registrationNumber" className="input" defaultValue={profile.registrationNumber ?? ""} maxLength={50} />
          </label>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="password-heading" style={{ marginTop: "1rem" }}>
        <h2 id="password-heading">Password</h2>
        <p className="hint">At least {MIN_PASSWORD_LENGTH} characters; a phrase of a few words is easy to remember and hard to guess.</p>
        <ActionForm action={changePasswordAction} submitLabel="Change password" testId="password-form">
          <label className="field">
            Current password
            <input name="currentPassword" type="password" className="input" autoComplete="current-password" required />
          </label>
          <label className="field">
            New password
            <input name="newPassword" type="password" className="input" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={256} />
          </label>
          <label className="field">
            New password again
            <input name="confirmPassword" type="password" className="input" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={256} />
          </label>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="tokens-heading" style={{ marginTop: "1rem" }}>
        <h2 id="tokens-heading">API tokens</h2>
        <p className="hint">A token acts as you on the API (Authorization: Bearer …). Revoke any you no longer use.</p>
        {tokens.length ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td className="mono">{token.prefix}…</td>
                    <td>{formatDateTime(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                    <td>
                      {token.revokedAt ? (
                        "Revoked"
                      ) : (
                        <ActionForm action={revokeTokenAction} submitLabel="Revoke" danger className="inline-form">
                          <input type="hidden" name="tokenId" value={token.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No tokens yet.</p>
        )}
        <ActionForm action={createTokenAction} submitLabel="Create token" testId="create-token-form">
          <label className="field">
            Token name
            <input name="name" className="input" required maxLength={100} placeholder="e.g. practice-management sync" />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
