import { describe, expect, it } from "vitest";
import { questionField, questionIdField, questionRows, readQuestionsForm } from "./input-request";
import { questionAnswers } from "./member-input";

describe("the questions form", () => {
  it("offers the questions there are and room for two more, between three and ten rows", () => {
    expect([0, 1, 2, 5, 8, 9, 10].map(questionRows)).toEqual([3, 3, 4, 7, 10, 10, 10]);
  });

  it("reads the rows in order, leaving out empty ones and keeping existing ids", () => {
    const read = readQuestionsForm({
      intro: "  Inledning ",
      [questionField(0)]: " Första? ", [questionIdField(0)]: "id-1",
      [questionField(1)]: "   ", [questionIdField(1)]: "id-2",
      [questionField(2)]: "Ny fråga", [questionIdField(2)]: "",
    });
    expect(read).toEqual({ ok: true, value: { intro: "Inledning", questions: [{ id: "id-1", text: "Första?" }, { id: null, text: "Ny fråga" }] } });
    expect(readQuestionsForm({ intro: "", [questionField(0)]: "Fråga" })).toMatchObject({ ok: true, value: { intro: null } });
  });

  it("answers Swedish problems by field: no question, too long a question or intro", () => {
    expect(readQuestionsForm({ intro: "Bara inledning" })).toMatchObject({ ok: false, fieldErrors: { [questionField(0)]: "Skriv minst en fråga." } });
    expect(readQuestionsForm({ [questionField(1)]: "x".repeat(501) })).toMatchObject({ ok: false, fieldErrors: { [questionField(1)]: expect.stringContaining("500 tecken") } });
    expect(readQuestionsForm({ intro: "x".repeat(5_001), [questionField(0)]: "Fråga" })).toMatchObject({ ok: false, fieldErrors: { intro: expect.stringContaining("tecken") } });
  });
});

describe("a municipality's answers", () => {
  it("follow the questions' order and numbers, without the questions left unanswered", () => {
    const questions = [{ id: "a", text: "A?" }, { id: "b", text: "B?" }, { id: "c", text: "C?" }];
    expect(questionAnswers(questions, [{ questionId: "c", text: "Svar C" }, { questionId: "a", text: "Svar A" }])).toEqual([
      { number: 1, question: "A?", text: "Svar A" },
      { number: 3, question: "C?", text: "Svar C" },
    ]);
  });
});
