// A customer reports a problem with a photo from the phone; the office asks a question and
// the customer answers, all on plain forms.
import { test, expect, signIn, expectAccessible } from "./fixtures";

// A 32 × 32 PNG, as a phone's camera would hand over any photo.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAGyUlEQVR42hXUEdvGIBiG4ReHYRiGw2EYhuEwHF44HIZhOBwOh+EwDIfD8NvXD+jseLqf+/f7MfwQP+QP9UP/GH9MP8wP+8P98D/mH+HH8oMf64/tR/yRfuQf+4/jx/nj+lF+3D/qj/bj+fH+6D9+v4FhQAzIATWgB8aBacAM2AE34AfmgTCwDDCwDmwDcSAN5IF94Bg4B66BMnAP1IE28Ay8A334AMEgEAIpUAItGAWTwAiswAm8YBYEwSJAsAo2QRQkQRbsgkNwCi5BEdyCKmiCR/AKuvgAySAREilREi0ZJZPESKzESbxklgTJIkGySjZJlCRJluySQ3JKLkmR3JIqaZJH8kq6/ADFoBAKqVAKrRgVk8IorMIpvGJWBMWiQLEqNkVUJEVW7IpDcSouRVHciqpoikfxKrr6AM2gERqpURqtGTWTxmisxmm8ZtYEzaJBs2o2TdQkTdbsmkNzai5N0dyaqmmaR/Nquv6AkWFEjMgRNaJHxpFpxIzYETfiR+aRMLKMMLKObCNxJI3kkX3kGDlHrpEyco/UkTbyjLwjffyAiWFCTMgJNaEnxolpwkzYCTfhJ+aJMLFMMLFObBNxIk3kiX3imDgnrokycU/UiTbxTLwTffoAw2AQBmlQBm0YDZPBGKzBGbxhNgTDYsCwGjZDNCRDNuyGw3AaLkMx3IZqaIbH8Bq6+QDLYBEWaVEWbRktk8VYrMVZvGW2BMtiwbJaNku0JEu27JbDclouS7HclmpplsfyWrr9AMfgEA7pUA7tGB2Twziswzm8Y3YEx+LAsTo2R3QkR3bsjsNxOi5HcdyO6miOx/E6uvsAz+ARHulRHu0ZPZPHeKzHebxn9gTP4sGzejZP9CRP9uyew3N6Lk/x3J7qaZ7H83q6/4CZYUbMyBk1o2fGmWnGzNgZN+Nn5pkws8wws85sM3EmzeSZfeaYOWeumTJzz9SZNvPMvDN9/oDAEBABGVABHRgDU8AEbMAFfGAOhMASILAGtkAMpEAO7IEjcAauQAncgRpogSfwBnr4gIVhQSzIBbWgF8aFacEs2AW34BfmhbCwLLCwLmwLcSEt5IV94Vg4F66FsnAv1IW28Cy8C335gP+K/Ersq5mvCL5V/Zbpi/sXyC8y36d+Y/8G8z39u/z/rLBBhAQZdjjghAsK3FChwQMv9K/gfyvDiliRK2pFr4wr04pZsStuxa/MK2FlWf+vX1e2lbiSVvLKvnKsnCvXSlm5V+pKW3lW3pW+fsDGsCE25Iba0BvjxrRhNuyG2/Ab80bYWLb/x68b20bcSBt5Y984Ns6Na6Ns3Bt1o208G+9G3z4gMkREREZUREfGyBQxERtxER+ZIyGyxP/RrJEtEiMpkiN75IickStSInekRlrkibyRHj8gMSREQiZUQifGxJQwCZtwCZ+YEyGxpP/Br4ktERMpkRN74kiciStREneiJlriSbyJnj4gM2RERmZURmfGzJQxGZtxGZ+ZMyGz5P9vXTNbJmZSJmf2zJE5M1emZO5MzbTMk3kzPX/AzrAjduSO2tE74860Y3bsjtvxO/NO2Fn2/9CsO9tO3Ek7eWffOXbOnWun7Nw7daftPDvvTt8/4GA4EAfyQB3og/FgOjAH9sAd+IP5IBwsx38k14PtIB6kg3ywHxwH58F1UA7ug3rQDp6D96AfH3AynIgTeaJO9Ml4Mp2YE3viTvzJfBJOlvM/8OvJdhJP0kk+2U+Ok/PkOikn90k9aSfPyXvSzw+4GC7EhbxQF/pivJguzIW9cBf+Yr4IF8v1v07rxXYRL9JFvtgvjovz4rooF/dFvWgXz8V70a8PKAwFUZAFVdCFsTAVTMEWXMEX5kIoLOV/WdfCVoiFVMiFvXAUzsJVKIW7UAut8BTeQi8fcDPciBt5o270zXgz3Zgbe+Nu/M18E26W+78K1pvtJt6km3yz3xw35811U27um3rTbp6b96bfH1AZKqIiK6qiK2NlqpiKrbiKr8yVUFnqf9Gsla0SK6mSK3vlqJyVq1Iqd6VWWuWpvJVeP6AxNERDNlRDN8bG1DAN23AN35gbobG0/xpbG1sjNlIjN/bG0TgbV6M07kZttMbTeBu9fcDD8CAe5IN60A/jw/RgHuyDe/AP80N4WJ7/klwftof4kB7yw/5wPJwP10N5uB/qQ3t4Ht6H/nzAy/AiXuSLetEv48v0Yl7si3vxL/NLeFne/wpeX7aX+JJe8sv+crycL9dLeblf6kt7eV7el/5+QGfoiI7sqI7ujJ2pYzq24zq+M3dCZ+n/Bb92tk7spE7u7J2jc3auTuncndppnafzdnrnD0iswEySXr5jAAAAAElFTkSuQmCC",
  "base64",
);

test("a customer reports a problem with a photo and the office asks about it", async ({
  page,
  browser,
  consoleProblems,
}) => {
  await signIn(page, "ana@example.com");
  await page.getByRole("link", { name: "Report a problem" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a problem" })).toBeVisible();
  await expectAccessible(page);

  // What, how urgent (with the response time shown), when, and a photo.
  await page.getByLabel("Leak or water").check();
  await page.getByLabel("What is wrong?").fill("Water under the kitchen sink");
  await page.getByLabel("Urgent", { exact: true }).check();
  await expect(page.getByText("We answer within 8 hours.")).toBeVisible();
  await page.getByLabel(/I understand how soon the office answers/).check();
  await page.getByLabel("Tuesday").check();
  await page.getByLabel("Photos").setInputFiles({
    name: "sink.png",
    mimeType: "image/png",
    buffer: PHOTO,
  });
  await page.getByRole("button", { name: "Send report" }).click();

  await page.waitForURL(/\/requests\/RQ-\d+\?sent=1/);
  await expect(page.getByRole("status")).toContainText("will answer within 8 hours");
  const thumb = page.getByRole("img", { name: "Photo sink.jpg" });
  await expect(thumb).toBeVisible();
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.getByText("Tuesday")).toBeVisible();
  await expectAccessible(page);
  const address = new URL(page.url()).pathname;

  // The office asks a question on the request's page.
  const office = await browser.newContext();
  const dispatcher = await office.newPage();
  await signIn(dispatcher, "dispatch@example.com");
  await dispatcher.goto(address);
  await expect(dispatcher.getByRole("heading", { name: "Answer this request" })).toBeVisible();
  await expectAccessible(dispatcher);
  await dispatcher.getByLabel("Question to the customer").fill("Is the pipe or the tap leaking?");
  await dispatcher.getByRole("button", { name: "Ask the customer" }).click();
  await expect(dispatcher.getByRole("status")).toContainText("sent to the customer");
  await office.close();

  // The customer reads it and answers.
  await page.goto(address);
  await expect(page.getByText("Is the pipe or the tap leaking?")).toBeVisible();
  await expect(page.getByText("Waiting for your answer")).toBeVisible();
  await page.getByLabel("Answer to the office's question").fill("The pipe, under the sink.");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByRole("status")).toContainText("Your answer is with our office");
  await expect(page.getByText("The pipe, under the sink.")).toBeVisible();
  await expectAccessible(page);
  expect(consoleProblems).toEqual([]);
});
