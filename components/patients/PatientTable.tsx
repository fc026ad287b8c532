import Link from "next/link";
import type { PatientView } from "@/lib/patients/queries";
import { formatDate } from "@/lib/format/dates";
import { StatusBadge } from "./StatusBadge";
import { SEX_LABELS, SIDE_LABELS, listName } from "./labels";

export function PatientTable({ patients, caption }: { patients: PatientView[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">MRN</th>
            <th scope="col">Birth date</th>
            <th scope="col">Sex</th>
            <th scope="col">Diagnosis side</th>
            <th scope="col">Status</th>
            <th scope="col">Last assessed</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((patient) => (
            <tr key={patient.id}>
              <th scope="row">
                <Link className="patient-link" href={`/patients/${patient.id}`}>
                  {listName(patient)}
                </Link>
                {patient.archived ? <span className="archived-note">Archived</span> : null}
              </th>
              <td className="mono">{patient.mrn ?? <span className="muted">—</span>}</td>
              <td>{formatDate(patient.birthDate)}</td>
              <td>{SEX_LABELS[patient.sex]}</td>
              <td>{SIDE_LABELS[patient.diagnosisSide]}</td>
              <td>
                <StatusBadge status={patient.status} />
              </td>
              <td>{patient.lastAssessedAt ? formatDate(patient.lastAssessedAt) : <span className="muted">Not yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
