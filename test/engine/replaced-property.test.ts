import { whileReplaced } from "../../src/engine/replaced-property";

class Base {
  greet(): string {
    return "base";
  }
}

test("an inherited method shows through again afterwards, with no own property left", () => {
  const object = new Base();
  expect(
    whileReplaced(
      object,
      "greet",
      () => "during",
      () => object.greet(),
    ),
  ).toBe("during");
  expect(object.greet()).toBe("base");
  expect(Object.getOwnPropertyDescriptor(object, "greet")).toBeUndefined();
});

test("an own property comes back with its descriptor, also when the run throws", () => {
  const target: Record<string, unknown> = {};
  Object.defineProperty(target, "value", { value: 1, writable: true, enumerable: false, configurable: true });
  const before = Object.getOwnPropertyDescriptor(target, "value");
  expect(() =>
    whileReplaced(target, "value", 2, () => {
      expect(target.value).toBe(2);
      throw new Error("stop");
    }),
  ).toThrow("stop");
  expect(Object.getOwnPropertyDescriptor(target, "value")).toEqual(before);
});

test("a prototype's method replaced for every instance is restored as it was", () => {
  const before = Object.getOwnPropertyDescriptor(Base.prototype, "greet");
  whileReplaced(
    Base.prototype,
    "greet",
    () => "all",
    () => expect(new Base().greet()).toBe("all"),
  );
  expect(Object.getOwnPropertyDescriptor(Base.prototype, "greet")).toEqual(before);
  expect(new Base().greet()).toBe("base");
});
