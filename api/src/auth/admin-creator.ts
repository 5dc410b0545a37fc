import type { EntityManager } from "typeorm";
import { Role, User } from "@remissbanken/schema";
import { parseInput, v } from "../common/validation.js";
import { z } from "zod";
import { hashPassword, passwordSchema } from "./passwords.js";

export class AdminExistsError extends Error {}

/** Creates an admin with a password, for the first-admin command. */
export async function adminCreator(manager: EntityManager, input: { email: string; name: string; password: string }): Promise<User> {
  const data = parseInput(z.object({ email: v.email, name: v.name, password: passwordSchema }), input);
  const existing = await manager.getRepository(User).findOne({ where: { email: data.email } });
  if (existing) throw new AdminExistsError(`A user with the email ${data.email} already exists (role ${existing.role}).`);
  return manager.save(
    manager.create(User, {
      name: data.name,
      email: data.email,
      role: Role.ADMIN,
      municipalityId: null,
      active: true,
      archivedAt: null,
      passwordHash: await hashPassword(data.password),
    }),
  );
}
