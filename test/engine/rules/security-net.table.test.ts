// Rule tables of the security family's network and TLS rules (http-call-without-timeout,
// tls-verification-disabled, bind-all-interfaces, urlopen-untrusted-url): valid / invalid
// snippets with exact 1-based positions and messages (conventions in ../rule-tester.ts), then
// the one peer code of each finding. Every fix here is unsafe, so `output` is null.
import type { Engine } from '../../../src/engine/engine';
import { getEngine } from '../../helpers/engine';
import { expectedError, type PeerCase, peerCases, ruleTester } from '../rule-tester';

const error = expectedError;

const TIMEOUT = 'http-call-without-timeout';
const missing = (callee: string) => `\`${callee}()\` has no \`timeout\`: a server that stops answering hangs it forever`;
const none = (callee: string) => `\`${callee}()\` sets \`timeout=None\`: a server that stops answering hangs it forever`;

ruleTester(TIMEOUT, {
  valid: [
    'import requests\n\nrequests.get(url, timeout=5)\n',
    'import requests\n\nrequests.get(url, **kwargs)\n',
    'import httpx\n\nhttpx.get(url)\n',
    'import httpx\n\nwith httpx.Client() as c:\n    c.get(url)\n',
    'def f(session):\n    session.get(url)\n',
    'class A:\n    def f(self):\n        return self.session.post(url)\n',
    'import requests\n\ndef get(url):\n    return url\n\nget("x")\n',
    'cache = {}\ncache.get("key")\n',
    'import requests\n\ns = requests.Session()\ns.request("GET", u, None, None, None, None, None, None, 5)\n',
  ],
  invalid: [
    {
      code: 'import requests\n\nrequests.get(url)\n',
      errors: [error(TIMEOUT, 3, 1, 3, 18, missing('requests.get'))],
      output: null,
    },
    {
      code: 'import requests as r\n\nr.post(url, json=body)\n',
      errors: [error(TIMEOUT, 3, 1, 3, 23, missing('r.post'))],
      output: null,
    },
    {
      code: 'from requests import put as send\n\nsend(url)\n',
      errors: [error(TIMEOUT, 3, 1, 3, 10, missing('send'))],
      output: null,
    },
    {
      code: 'import requests\n\ns = requests.Session()\n\ndef f():\n    s.get(url)\n',
      errors: [error(TIMEOUT, 6, 5, 6, 15, missing('s.get'))],
      output: null,
    },
    {
      code: 'import requests\n\nwith requests.Session() as s:\n    s.delete(url)\n',
      errors: [error(TIMEOUT, 4, 5, 4, 18, missing('s.delete'))],
      output: null,
    },
    {
      code: 'import requests\n\nrequests.Session().get(url)\n',
      errors: [error(TIMEOUT, 3, 1, 3, 28, missing('requests.Session().get'))],
      output: null,
    },
    {
      code: 'import requests\n\nrequests.get(url, timeout=None)\n',
      errors: [error(TIMEOUT, 3, 19, 3, 31, none('requests.get'))],
      output: null,
    },
    {
      code: 'import httpx\n\nhttpx.Client(timeout=None)\n',
      errors: [error(TIMEOUT, 3, 14, 3, 26, none('httpx.Client'))],
      output: null,
    },
  ],
});

const TLS = 'tls-verification-disabled';
const certs = 'turns off TLS certificate verification';

ruleTester(TLS, {
  valid: [
    'import requests\n\nrequests.get(url, verify=True, timeout=5)\n',
    'import requests\n\nrequests.get(url, verify="/etc/ca.pem", timeout=5)\n',
    'def check(v, form):\n    return v.validate(form, verify=False)\n',
    'import ssl\n\nctx = ssl.create_default_context()\nctx.check_hostname = True\n',
    'import ssl\n\nif mode == ssl.CERT_NONE:\n    pass\n',
    'class Opts:\n    check_hostname = False\n\no = Opts()\no.check_hostname = False\n',
    'def f(session):\n    session.verify = False\n',
    // The caller's own switch: verification off because it was asked for.
    'import ssl\n\ndef make(verify):\n    ctx = ssl.create_default_context()\n    if not verify:\n        ctx.check_hostname = False\n        ctx.verify_mode = ssl.CERT_NONE\n    return ctx\n',
    'import ssl\n\ndef wrap(sock, insecure):\n    if insecure:\n        return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)\n',
  ],
  invalid: [
    {
      code: 'import requests\n\nrequests.get(url, verify=False, timeout=5)\n',
      errors: [error(TLS, 3, 19, 3, 31, `\`verify=False\` ${certs}`)],
      output: null,
    },
    {
      code: 'import httpx\n\nclient = httpx.AsyncClient(verify=False)\n',
      errors: [error(TLS, 3, 28, 3, 40, `\`verify=False\` ${certs}`)],
      output: null,
    },
    {
      code: 'import ssl\n\nctx = ssl._create_unverified_context()\n',
      errors: [error(TLS, 3, 7, 3, 39, `\`ssl._create_unverified_context()\` ${certs}`)],
      output: null,
    },
    {
      code: 'import ssl\n\nssl._create_default_https_context = ssl._create_unverified_context\n',
      errors: [error(TLS, 3, 1, 3, 67, `\`ssl._create_default_https_context = ssl._create_unverified_context\` ${certs} for every \`urllib\` HTTPS request`)],
      output: null,
    },
    {
      code: 'import ssl\n\nctx = ssl.create_default_context()\nctx.check_hostname = False\n',
      errors: [error(TLS, 4, 1, 4, 27, '`ctx.check_hostname = False` turns off TLS hostname verification')],
      output: null,
    },
    {
      code: 'from ssl import CERT_NONE\n\nctx.verify_mode = CERT_NONE\n',
      errors: [error(TLS, 3, 1, 3, 28, `\`ctx.verify_mode = CERT_NONE\` ${certs}`)],
      output: null,
    },
    {
      code: 'import ssl\n\nssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)\n',
      errors: [error(TLS, 3, 23, 3, 46, `\`cert_reqs=ssl.CERT_NONE\` ${certs}`)],
      output: null,
    },
    {
      code: 'import requests\n\ns = requests.Session()\ns.verify = False\n',
      errors: [error(TLS, 4, 1, 4, 17, `\`s.verify = False\` ${certs}`)],
      output: null,
    },
  ],
});

const BIND = 'bind-all-interfaces';
const binds = (address: string, where: string) => `\`${address}\` ${where} binds every network interface`;

ruleTester(BIND, {
  valid: [
    'if host == "0.0.0.0":\n    pass\n',
    'HOST = "127.0.0.1"\n',
    'import os\n\nHOST = os.environ.get("HOST", "0.0.0.0")\n',
    'print("listening on 0.0.0.0")\n',
    'def f():\n    """Pass "0.0.0.0" to listen everywhere."""\n',
    'parts = line.split("::")\n',
    'sock.connect(("0.0.0.0", 80))\n',
    'ROUTE = "0.0.0.0/0"\n',
  ],
  invalid: [
    {
      code: 'HOST = "0.0.0.0"\n',
      errors: [error(BIND, 1, 8, 1, 17, binds('0.0.0.0', 'assigned to `HOST`'))],
      output: null,
    },
    {
      code: 'app.run(host="0.0.0.0", port=5000)\n',
      errors: [error(BIND, 1, 14, 1, 23, binds('0.0.0.0', 'as `host=`'))],
      output: null,
    },
    {
      code: 'import uvicorn\n\nuvicorn.run(app, host="::")\n',
      errors: [error(BIND, 3, 23, 3, 27, binds('::', 'as `host=`'))],
      output: null,
    },
    {
      code: 'sock.bind(("0.0.0.0", port))\n',
      errors: [error(BIND, 1, 12, 1, 21, binds('0.0.0.0', 'as the address of `bind()`'))],
      output: null,
    },
    {
      code: 'bind = "0.0.0.0:8000"\n',
      errors: [error(BIND, 1, 8, 1, 22, binds('0.0.0.0:8000', 'assigned to `bind`'))],
      output: null,
    },
    {
      code: 'def serve(host: str = "0.0.0.0"):\n    pass\n',
      errors: [error(BIND, 1, 23, 1, 32, binds('0.0.0.0', 'as the default of `host`'))],
      output: null,
    },
    {
      code: 'from http.server import HTTPServer\n\nHTTPServer(("0.0.0.0", 80), Handler)\n',
      errors: [error(BIND, 3, 13, 3, 22, binds('0.0.0.0', 'as the address of `HTTPServer`'))],
      output: null,
    },
    {
      code: 'config = {"host": "0.0.0.0"}\n',
      errors: [error(BIND, 1, 19, 1, 28, binds('0.0.0.0', 'as `"host"`'))],
      output: null,
    },
  ],
});

const URLOPEN = 'urlopen-untrusted-url';
const opens = (callee: string) => `\`${callee}()\` opens a URL whose scheme is not fixed: a \`file://\` URL would read local files`;
const opensScheme = (callee: string, scheme: string) => `\`${callee}()\` opens a \`${scheme}:\` URL, not http(s)`;

ruleTester(URLOPEN, {
  valid: [
    'import urllib.request\n\nurllib.request.urlopen("https://example.com")\n',
    'import urllib.request\n\nurllib.request.urlopen(f"https://example.com/{p}")\n',
    'import urllib.request\n\nBASE = "https://api.example.com"\nurllib.request.urlopen(BASE + path)\n',
    // seaborn's shape: an f-string that opens with a module constant holding the https base.
    'from urllib.request import urlopen\n\nSOURCE = "https://raw.example.com/data"\nNAMES = f"{SOURCE}/names.txt"\nurlopen(NAMES)\n',
    'import urllib.request\n\nurllib.request.urlopen("https://x/{}".format(n))\n',
    'import urllib.request\n\nreq = urllib.request.Request("https://x")\nurllib.request.urlopen(req)\n',
    'def f(opener, url):\n    return opener.urlopen(url)\n',
    'from six.moves.urllib.request import urlopen\n\nurlopen("http://example.com")\n',
  ],
  invalid: [
    {
      code: 'import urllib.request\n\ndef f(url):\n    return urllib.request.urlopen(url)\n',
      errors: [error(URLOPEN, 4, 35, 4, 38, opens('urllib.request.urlopen'))],
      output: null,
    },
    {
      code: 'from urllib.request import urlopen\n\nurlopen(request.args["u"])\n',
      errors: [error(URLOPEN, 3, 9, 3, 26, opens('urlopen'))],
      output: null,
    },
    {
      // The value the f-string opens with has no fixed scheme.
      code: 'from urllib.request import urlopen\n\ndef f(base):\n    urlopen(f"{base}/names.txt")\n',
      errors: [error(URLOPEN, 4, 13, 4, 32, opens('urlopen'))],
      output: null,
    },
    {
      code: 'from urllib.request import Request\n\nRequest(url, headers=h)\n',
      errors: [error(URLOPEN, 3, 9, 3, 12, opens('Request'))],
      output: null,
    },
    {
      code: 'from urllib.request import urlretrieve\n\nurlretrieve(src, "out.bin")\n',
      errors: [error(URLOPEN, 3, 13, 3, 16, opens('urlretrieve'))],
      output: null,
    },
    {
      code: 'import urllib.request as ur\n\nur.urlopen(f"{scheme}://host/x")\n',
      errors: [error(URLOPEN, 3, 12, 3, 32, opens('ur.urlopen'))],
      output: null,
    },
    {
      code: 'import urllib.request\n\nurllib.request.urlopen("file:///etc/passwd")\n',
      errors: [error(URLOPEN, 3, 24, 3, 44, opensScheme('urllib.request.urlopen', 'file'))],
      output: null,
    },
    {
      code: 'from six.moves.urllib.request import Request\n\nRequest(u)\n',
      errors: [error(URLOPEN, 3, 9, 3, 10, opens('Request'))],
      output: null,
    },
    {
      code: 'import urllib.request\n\nurllib.request.urlopen(url=target)\n',
      errors: [error(URLOPEN, 3, 28, 3, 34, opens('urllib.request.urlopen'))],
      output: null,
    },
  ],
});

describe('network and TLS rules: one peer code per finding', () => {
  let engine: Engine;
  before(async () => {
    engine = await getEngine();
  });

  const cases: PeerCase[] = [
    { rule: TIMEOUT, code: 'import requests\n\nrequests.get(url)\n', peers: ['S113'] },
    { rule: TLS, code: 'import requests\n\nrequests.get(url, verify=False, timeout=5)\n', peers: ['S501'] },
    { rule: TLS, code: 'import ssl\n\nssl._create_unverified_context()\n', peers: ['S323'] },
    // No Ruff or Bandit rule reports these: no peer.
    { rule: TLS, code: 'import ssl\n\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n', peers: [null, null] },
    { rule: BIND, code: 'HOST = "0.0.0.0"\n', peers: ['S104'] },
    { rule: URLOPEN, code: 'import urllib.request\n\nurllib.request.urlopen(u)\n', peers: ['S310'] },
  ];
  peerCases(() => engine, cases);
});
