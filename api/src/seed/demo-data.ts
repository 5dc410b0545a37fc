import type { DataSource } from "typeorm";

export async function seedDemoData(_ds: DataSource): Promise<boolean> {
  return false;
}
