import Link from "next/link";

/** Shared by the root not-found page and the one inside the signed-in shell. */
export function NotFoundMessage() {
  return (
    <div className="card message-card">
      <h1>Page not found</h1>
      <p>This page does not exist, or you do not have access to it. If you followed a link to a patient, the patient may belong to another clinic.</p>
      <Link href="/patients" className="button">
        Go to patients
      </Link>
    </div>
  );
}
