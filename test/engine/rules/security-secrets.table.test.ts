// Rule tables of the security family's secrets-and-crypto rules (hardcoded-secret,
// insecure-random-for-secrets, weak-hash-for-security, insecure-temp-file): valid / invalid
// snippets with exact 1-based positions and messages (conventions in ../rule-tester.ts), then
// the one peer code of each finding.
import assert from 'node:assert/strict';
import type { Engine } from '../../../src/engine/engine';
import { peerTool } from '../../../src/engine/peers';
import { getEngine } from '../../helpers/engine';
import { expectedError, ruleTester } from '../rule-tester';

const error = expectedError;

const SECRET = 'hardcoded-secret';
const RANDOM = 'insecure-random-for-secrets';
const HASH = 'weak-hash-for-security';
const TEMP = 'insecure-temp-file';

ruleTester(SECRET, {
  valid: [
    "token_type = \"bearer\"\n",
    "TOKEN_URL = \"https://example.com/token\"\n",
    "password = os.environ[\"PASSWORD\"]\n",
    "password = os.environ.get(\"PASSWORD\", \"\")\n",
    "api_key = \"<your-api-key>\"\n",
    "secret_name = \"prod\"\n",
    "max_tokens = \"100\"\n",
    "if token == \"import\":\n    pass\n",
    "if token == \"#bygroup\":\n    pass\n",
    "import pytest\n\npassword = \"hunter22\"\n",
    "def test_login():\n    pass\n\npassword = \"hunter22\"\n",
    // A pytest-style test class, no import: the same test-module rule as assert-for-authorization.
    "class TestLogin:\n    password = \"hunter22\"\n",
  ],
  invalid: [
    {
      code: "def check(password):\n    return password == \"root\"\n",
      errors: [error(SECRET, 2, 24, 2, 30, "Hard-coded secret compared with `password`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "PassWord = safe = \"s3cr3t\"\n",
      errors: [error(SECRET, 1, 19, 1, 27, "Hard-coded secret assigned to `PassWord`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "API_KEY = \"sk-live-1234abcd\"\n",
      errors: [error(SECRET, 1, 11, 1, 29, "Hard-coded secret assigned to `API_KEY`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "db.connect(user=\"app\", password=\"Pa55w0rd!\")\n",
      errors: [error(SECRET, 1, 33, 1, 44, "Hard-coded secret passed as `password`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "def login(user, passwd=\"hunter22\"):\n    return user\n",
      errors: [error(SECRET, 1, 24, 1, 34, "Hard-coded secret as the default of `passwd`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "self.authToken = \"tok-9f8e7d6c\"\n",
      errors: [error(SECRET, 1, 18, 1, 32, "Hard-coded secret assigned to `authToken`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "CONFIG = {\"secret_key\": \"0a1b2c3d4e5f\"}\n",
      errors: [error(SECRET, 1, 25, 1, 39, "Hard-coded secret stored under `secret_key`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "if password == \"admin1234\":\n    grant()\n",
      errors: [error(SECRET, 1, 16, 1, 27, "Hard-coded secret compared with `password`: read it from the environment or a secret store")],
      output: null,
    },
    {
      code: "settings[\"PRIVATE_KEY\"] = \"MIIEvQIBADAN\"\n",
      errors: [error(SECRET, 1, 27, 1, 41, "Hard-coded secret assigned to `PRIVATE_KEY`: read it from the environment or a secret store")],
      output: null,
    },
  ],
});

ruleTester(RANDOM, {
  valid: [
    "import random\n\nroll = random.randint(1, 6)\n",
    "import random\n\ndef simulate():\n    return random.random()\n",
    "import random\n\ndef make_token():\n    delay = random.uniform(0, 1)\n    return delay\n",
    "import random\n\ntoken = random.SystemRandom().choice(\"ab\")\n",
    "class R:\n    def choice(self, x):\n        return x\n\nrandom = R()\ntoken = random.choice(\"ab\")\n",
    "import random\n\nrandom.shuffle(deck)\n",
    "import random\n\nnext_token = random.choice(vocab)\n",
  ],
  invalid: [
    {
      code: "import random\n\ndef f(vault):\n    secrets = vault.load()\n    token = random.choice(secrets.alphabet)\n    return token\n",
      errors: [error(RANDOM, 5, 13, 5, 44, "`random.choice()` makes `token` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import random\n\ntoken = random.getrandbits(64)\n",
      errors: [error(RANDOM, 3, 9, 3, 31, "`random.getrandbits()` makes `token` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import random\n\ndef generate_api_key():\n    return \"\".join(random.choice(\"abcdef0123\") for _ in range(32))\n",
      errors: [error(RANDOM, 4, 20, 4, 47, "`random.choice()` makes the result of `generate_api_key()` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import random as rnd\n\nnonce = rnd.randint(0, 99999)\n",
      errors: [error(RANDOM, 3, 9, 3, 30, "`rnd.randint()` makes `nonce` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import random\n\notp = random.randrange(1000, 10000)\n",
      errors: [error(RANDOM, 3, 7, 3, 36, "`random.randrange()` makes `otp` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import random\n\ndef reset(user):\n    user.save(reset_token=random.random())\n",
      errors: [error(RANDOM, 4, 27, 4, 42, "`random.random()` makes `reset_token` from a predictable generator: use `secrets`")],
      output: null,
    },
    {
      code: "import secrets\nimport random\n\nsalt = random.randint(1, 6) * 2\n",
      errors: [error(RANDOM, 4, 8, 4, 28, "`random.randint()` makes `salt` from a predictable generator: use `secrets`")],
      output: null,
    },
  ],
});

ruleTester(HASH, {
  valid: [
    "import crypt\n\ncrypt.mksalt(crypt.METHOD_SHA512)\n",
    "import crypt\n\ncrypt.crypt(word, crypt.METHOD_BLOWFISH)\n",
    "import hashlib\n\nhashlib.md5(data, usedforsecurity=False)\n",
    "import hashlib\n\nhashlib.sha256(data)\n",
    "import hashlib\n\nhashlib.new(\"sha256\", data)\n",
    "import hashlib\n\nsize = hashlib.sha1().digest_size\n",
    "def md5(x):\n    return x\n\nmd5(b\"a\")\n",
    "import hmac, hashlib\n\nhmac.new(k, m, hashlib.sha256)\n",
  ],
  invalid: [
    {
      code: "import crypt\n\nhashed = crypt.crypt(word, salt=crypt.METHOD_MD5)\n",
      errors: [error(HASH, 3, 10, 3, 50, "`crypt.crypt()`: `crypt.METHOD_MD5` is a weak password hash")],
      output: null,
    },
    {
      code: "import hashlib\n\nhashlib.new(name=\"MD4\", data=b\"x\")\n",
      errors: [error(HASH, 3, 1, 3, 35, "`hashlib.new()`: MD4 is broken for security: use SHA-256, or mark a checksum with `usedforsecurity=False`")],
      output: null,
    },
    {
      code: "import hashlib\n\ndigest = hashlib.md5(data).hexdigest()\n",
      errors: [error(HASH, 3, 10, 3, 27, "`hashlib.md5()`: MD5 is broken for security: use SHA-256, or mark a checksum with `usedforsecurity=False`")],
      output: null,
    },
    {
      code: "import hashlib\n\netag = hashlib.md5(body).hexdigest()\n",
      errors: [error(HASH, 3, 8, 3, 25, "`hashlib.md5()`: `etag` is not a security use: say so with `usedforsecurity=False`")],
      output: "import hashlib\n\netag = hashlib.md5(body, usedforsecurity=False).hexdigest()\n",
    },
    {
      code: "import hashlib\n\ndef cache_key(url):\n    return hashlib.sha1(url.encode()).hexdigest()\n",
      errors: [error(HASH, 4, 12, 4, 38, "`hashlib.sha1()`: `cache_key()` is not a security use: say so with `usedforsecurity=False`")],
      output: "import hashlib\n\ndef cache_key(url):\n    return hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()\n",
    },
    {
      code: "import hashlib\n\npassword_hash = hashlib.sha1(pw).hexdigest()\n",
      errors: [error(HASH, 3, 17, 3, 33, "`hashlib.sha1()`: `password_hash` needs a strong hash: SHA-1 is broken")],
      output: null,
    },
    {
      code: "import hashlib as h\n\nx = h.new(\"MD5\")\n",
      errors: [error(HASH, 3, 5, 3, 17, "`h.new()`: MD5 is broken for security: use SHA-256, or mark a checksum with `usedforsecurity=False`")],
      output: null,
    },
    {
      code: "from hashlib import sha1\n\nfingerprint = sha1()\n",
      errors: [error(HASH, 3, 15, 3, 21, "`sha1()`: `fingerprint` is not a security use: say so with `usedforsecurity=False`")],
      output: "from hashlib import sha1\n\nfingerprint = sha1(usedforsecurity=False)\n",
    },
    {
      code: "import hashlib\n\nchecksum = hashlib.md5(data, usedforsecurity=True)\n",
      errors: [error(HASH, 3, 12, 3, 51, "`hashlib.md5()`: `checksum` is not a security use: say so with `usedforsecurity=False`")],
      output: null,
    },
  ],
});

ruleTester(TEMP, {
  valid: [
    "import tempfile\n\nf = tempfile.NamedTemporaryFile()\n",
    "print(\"/tmp/x\")\n",
    "msg = \"/tmp/x\"\n",
    "if path.startswith(\"/tmp/\"):\n    pass\n",
    "import pytest\n\nLOG_FILE = \"/tmp/app.log\"\n",
    "class F:\n    def mktemp(self):\n        pass\n\nF().mktemp()\n",
    "f = open(\"/tmpfile\", \"w\")\n",
  ],
  invalid: [
    {
      code: "with open(\"/tmp/\" \"abc\" \"/tmp/x\", \"w\") as f:\n    pass\n",
      errors: [error(TEMP, 1, 11, 1, 33, "hard-coded path in `/tmp` passed to `open()`: predictable, and shared with every local user")],
      output: null,
    },
    {
      code: "import tempfile\n\npath = tempfile.mktemp()\n",
      errors: [error(TEMP, 3, 8, 3, 25, "`tempfile.mktemp()` returns a name another user can create first")],
      output: null,
    },
    {
      code: "from tempfile import mktemp\n\nname = mktemp(\".txt\")\n",
      errors: [error(TEMP, 3, 8, 3, 22, "`mktemp()` returns a name another user can create first")],
      output: null,
    },
    {
      code: "f = open(\"/tmp/report.csv\", \"w\")\n",
      errors: [error(TEMP, 1, 10, 1, 27, "hard-coded path in `/tmp` passed to `open()`: predictable, and shared with every local user")],
      output: null,
    },
    {
      code: "from pathlib import Path\n\nPath(\"/var/tmp/cache\").mkdir()\n",
      errors: [error(TEMP, 3, 6, 3, 22, "hard-coded path in `/var/tmp` passed to `Path()`: predictable, and shared with every local user")],
      output: null,
    },
    {
      code: "LOG_FILE = \"/tmp/app.log\"\n",
      errors: [error(TEMP, 1, 12, 1, 26, "hard-coded path in `/tmp` stored in `LOG_FILE`: predictable, and shared with every local user")],
      output: null,
    },
    {
      code: "def run(out_dir=\"/dev/shm/out\"):\n    return out_dir\n",
      errors: [error(TEMP, 1, 17, 1, 31, "hard-coded path in `/dev/shm` stored in `out_dir`: predictable, and shared with every local user")],
      output: null,
    },
    {
      code: "import os\n\nos.makedirs(f\"/tmp/{job}\")\n",
      errors: [error(TEMP, 3, 13, 3, 26, "hard-coded path in `/tmp` passed to `os.makedirs()`: predictable, and shared with every local user")],
      output: null,
    },
  ],
});

describe('secrets and crypto rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });
  const cases: { rule: string; code: string; peers: string[] }[] = [
    { rule: TEMP, code: "with open(\"/tmp/\" \"abc\" \"/tmp/x\", \"w\") as f:\n    pass\n", peers: ["S108"] },
    { rule: HASH, code: "import hashlib\n\nhashlib.new(name=\"MD4\", data=b\"x\")\n", peers: ["S324"] },
    { rule: SECRET, code: "def check(password):\n    return password == \"root\"\n", peers: ["S105"] },
    { rule: SECRET, code: "PassWord = safe = \"s3cr3t\"\n", peers: ["S105"] },
    { rule: SECRET, code: "API_KEY = \"sk-live-1234abcd\"\n", peers: ["S105"] },
    { rule: SECRET, code: "db.connect(user=\"app\", password=\"Pa55w0rd!\")\n", peers: ["S106"] },
    { rule: SECRET, code: "def login(user, passwd=\"hunter22\"):\n    return user\n", peers: ["S107"] },
    { rule: SECRET, code: "self.authToken = \"tok-9f8e7d6c\"\n", peers: ["S105"] },
    { rule: SECRET, code: "CONFIG = {\"secret_key\": \"0a1b2c3d4e5f\"}\n", peers: ["S105"] },
    { rule: SECRET, code: "if password == \"admin1234\":\n    grant()\n", peers: ["S105"] },
    { rule: SECRET, code: "settings[\"PRIVATE_KEY\"] = \"MIIEvQIBADAN\"\n", peers: ["S105"] },
    { rule: RANDOM, code: "import random\n\ntoken = random.getrandbits(64)\n", peers: ["S311"] },
    { rule: RANDOM, code: "import random\n\ndef generate_api_key():\n    return \"\".join(random.choice(\"abcdef0123\") for _ in range(32))\n", peers: ["S311"] },
    { rule: RANDOM, code: "import random as rnd\n\nnonce = rnd.randint(0, 99999)\n", peers: ["S311"] },
    { rule: RANDOM, code: "import random\n\notp = random.randrange(1000, 10000)\n", peers: ["S311"] },
    { rule: RANDOM, code: "import random\n\ndef reset(user):\n    user.save(reset_token=random.random())\n", peers: ["S311"] },
    { rule: RANDOM, code: "import secrets\nimport random\n\nsalt = random.randint(1, 6) * 2\n", peers: ["S311"] },
    { rule: HASH, code: "import hashlib\n\ndigest = hashlib.md5(data).hexdigest()\n", peers: ["S324"] },
    { rule: HASH, code: "import hashlib\n\netag = hashlib.md5(body).hexdigest()\n", peers: ["S324"] },
    { rule: HASH, code: "import hashlib\n\ndef cache_key(url):\n    return hashlib.sha1(url.encode()).hexdigest()\n", peers: ["S324"] },
    { rule: HASH, code: "import hashlib\n\npassword_hash = hashlib.sha1(pw).hexdigest()\n", peers: ["S324"] },
    { rule: HASH, code: "import hashlib as h\n\nx = h.new(\"MD5\")\n", peers: ["S324"] },
    { rule: HASH, code: "from hashlib import sha1\n\nfingerprint = sha1()\n", peers: ["S324"] },
    { rule: HASH, code: "import hashlib\n\nchecksum = hashlib.md5(data, usedforsecurity=True)\n", peers: ["S324"] },
    { rule: TEMP, code: "import tempfile\n\npath = tempfile.mktemp()\n", peers: ["S306"] },
    { rule: TEMP, code: "from tempfile import mktemp\n\nname = mktemp(\".txt\")\n", peers: ["S306"] },
    { rule: TEMP, code: "f = open(\"/tmp/report.csv\", \"w\")\n", peers: ["S108"] },
    { rule: TEMP, code: "from pathlib import Path\n\nPath(\"/var/tmp/cache\").mkdir()\n", peers: ["S108"] },
    { rule: TEMP, code: "LOG_FILE = \"/tmp/app.log\"\n", peers: ["S108"] },
    { rule: TEMP, code: "def run(out_dir=\"/dev/shm/out\"):\n    return out_dir\n", peers: ["S108"] },
    { rule: TEMP, code: "import os\n\nos.makedirs(f\"/tmp/{job}\")\n", peers: ["S108"] },
  ];
  for (const { rule, code, peers } of cases) {
    it(`${rule}: ${peers.join(', ')} for ${JSON.stringify(code.split('\n').filter(Boolean).pop())}`, () => {
      const findings = engine.analyzeText(code, { select: [rule] });
      assert.deepEqual(
        findings.map((f) => f.peer ?? null),
        peers,
      );
      for (const finding of findings) assert.ok(engine.rule(rule)!.peers.includes(finding.peer!));
    });
  }
  it('names Bandit codes as Bandit', () => {
    for (const code of ['B105', 'B106', 'B107', 'B311', 'B324', 'B306', 'B108']) assert.equal(peerTool(code), 'Bandit');
  });
});
