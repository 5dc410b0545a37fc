import { Column, Entity, Index, JoinColumn, OneToOne } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { DateTime } from "../scalars.js";

/** One question of an input request; its id stays when staff reword it, so answers keep their question. */
@ObjectType()
export class InputQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;
}

/** A member's answer to one question, kept on the member input (`member_input.answers`). */
@ObjectType()
export class InputAnswer {
  @Field(() => ID)
  questionId: string;

  @Field(() => String)
  text: string;
}

/**
 * Staff's questions to the member municipalities on a remiss (inbjudan till synpunkter).
 * The deadline is the remiss's member-input deadline: one date, shown and enforced once.
 * Members see it once published; until then it is staff's draft.
 */
@ObjectType()
@Entity("input_request")
export class InputRequest extends TrackedEntity {
  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: "uuid" })
  remissId: string;

  @OneToOne("Remiss", { onDelete: "CASCADE" })
  @JoinColumn({ name: "remiss_id" })
  remiss?: unknown;

  @Field(() => String, { nullable: true, description: "A few lines to the members before the questions." })
  @Column({ type: "text", nullable: true })
  intro: string | null;

  @Field(() => [InputQuestion])
  @Column({ type: "jsonb", default: () => "'[]'" })
  questions: InputQuestion[];

  @Field(() => DateTime, { nullable: true, description: "When members were asked; null while staff draft the questions." })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt: Date | null;
}
