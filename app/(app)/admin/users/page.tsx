// Admin: the clinic's users — create, reset password, deactivate/reactivate, revoke API tokens.
import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { listClinicUsers } from "@/lib/users/queries";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/passwords";
import { ActionForm } from "@/components/users/ActionForm";
import { createUserAction, resetPasswordAction, revokeTokensAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; a phrase of several words is easiest. Very common passwords are refused.`;

export default async function UsersPage() {
  const actor = await requireAdmin();
  const users = await listClinicUsers(actor);
  return (
    <>
      <div className="page-header">
        <h1>Users</h1>
      </div>
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Users of {actor.clinicName}</h2>
        <div className="table-wrap">
          <table className="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">API tokens</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-email={user.email}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{user.role === "admin" ? "Administrator" : "Clinician"}</td>
                  <td>{user.active ? "Active" : "Deactivated"}</td>
                  <td>{user.liveTokens}</td>
                  <td style={{ whiteSpace: "normal" }}>
                    <details>
                      <summary>Manage</summary>
                      <ActionForm action={resetPasswordAction} submitLabel="Reset password">
                        <input type="hidden" name="userId" value={user.id} />
                        <label className="field">
                          New temporary password
                          <input name="password" type="password" className="input" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
                        </label>
                      </ActionForm>
                      {user.id !== actor.userId ? (
                        <ActionForm action={setActiveAction} submitLabel={user.active ? "Deactivate" : "Reactivate"} danger={user.active}>
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="active" value={String(!user.active)} />
                        </ActionForm>
                      ) : null}
                      {user.liveTokens > 0 ? (
                        <ActionForm action={revokeTokensAction} submitLabel="Revoke all API tokens" danger>
                          <input type="hidden" name="userId" value={user.id} />
                        </ActionForm>
                      ) : null}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="new-user-heading" style={{ marginTop: "1rem" }}>
        <h2 id="new-user-heading">Add a user</h2>
        <ActionForm action={createUserAction} submitLabel="Create user" testId="create-user-form">
          <label className="field">
            Name
            <input name="name" className="input" required maxLength={200} />
          </label>
          <label className="field">
            Email
            <input name="email" type="email" className="input" required autoComplete="off" />
          </label>
          <label className="field">
            Role
            <select name="role" className="input" defaultValue="clinician">
              <option value="clinician">Clinician</option>
              <option value="admin">Administrator</option>
            </select>
          </label>
          <label className="field">
            Registration number (optional)
            <input name="registrationNumber" className="input" maxLength={50} />
          </label>
          <label className="field">
            Temporary password
            <input name="password" type="password" className="input" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
            <span className="hint">{PASSWORD_HINT}</span>
          </label>
        </ActionForm>
      </section>
    </>
  );
}
