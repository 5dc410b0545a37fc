import type { EntityManager } from "typeorm";
import { Role, User } from "@remissbanken/schema";
import { hashPassword } from "./passwords.js";

/** One user per role with a documented password, for development and demos only (docs/security.md). */
export const DEMO_USERS = [
  { email: "admin@smakom.example", name: "Alva Admin", role: Role.ADMIN, password: "demo-admin-2021" },
  { email: "staff@smakom.example", name: "Karin Kansli", role: Role.STAFF, password: "demo-staff-2021" },
  { email: "board@smakom.example", name: "Bengt Styrelse", role: Role.BOARD, password: "demo-board-2021" },
  { email: "member@smakom.example", name: "Maja Medlem", role: Role.MEMBER, password: "demo-member-2021" },
] as const;

/**
 * Creates the demo users (the member in `municipalityId`), skipping any that
 * exist. Refuses in production, where known passwords would be a way in.
 */
export async function createDemoUsers(manager: EntityManager, municipalityId: string): Promise<User[]> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Demo users have published passwords and are never created in production.");
  }
  const users: User[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await manager.getRepository(User).findOne({ where: { email: demo.email } });
    if (existing) {
      users.push(existing);
      continue;
    }
    const user = manager.create(User, {
      name: demo.name,
      email: demo.email,
      role: demo.role,
      municipalityId: demo.role === Role.MEMBER ? municipalityId : null,
      active: true,
      archivedAt: null,
      passwordHash: await hashPassword(demo.password),
    });
    users.push(await manager.save(user));
  }
  return users;
}
