"use client";
// Loads the measure explorer's code (recharts) only on the explorer page, in the browser: the
// trends page and every other page never download it.
import dynamic from "next/dynamic";
import type { ExplorerData } from "@/lib/trends/explorer-data";

const MeasureExplorer = dynamic(() => import("./MeasureExplorer"), {
  ssr: false,
  loading: () => <p role="status">Loading the chart…</p>,
});

export function ExplorerLoader({ data }: { data: ExplorerData }) {
  return <MeasureExplorer data={data} />;
}
