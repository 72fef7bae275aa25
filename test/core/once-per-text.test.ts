import { oncePerText } from "../../src/core/once-per-text";

test("each distinct text is computed once, falsy results included", () => {
  const compute = jest.fn((text: string) => (text === "" ? undefined : text.length));
  const lengthOf = oncePerText(compute);
  expect(["ab", "ab", "", "", "abc", "ab"].map(lengthOf)).toEqual([2, 2, undefined, undefined, 3, 2]);
  expect(compute.mock.calls.map(([text]) => text)).toEqual(["ab", "", "abc"]);
});
