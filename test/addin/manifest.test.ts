/**
 * manifest.xml, checked offline (the online validator is `npm run validate:manifest`, manual):
 * well-formed; children in the order the add-in manifest schema requires
 * (docs/develop/manifest-element-ordering.md, task pane add-in); every resid resolves to a resource
 * of the right kind; every URL https; the shared runtime's resid is the one the custom functions'
 * page, the function file and the task pane button use; namespace, Id, Version; the production
 * rewrite of the webpack config.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEV_URL, productionUrl, rewriteManifest } from '../../webpack.config.js';
import { EXCEL_NAMESPACE } from '../../scripts/function-docs.mjs';
import { ICON_SIZES, renderIcon } from '../../scripts/gen-addin-icons.mjs';

const XML = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');

/** A parsed element: its name, attributes, children in document order, and text. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Ordered = Record<string, unknown>[];

function toElements(nodes: Ordered): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment' || name === '?xml') continue;
    const kids = node[name] as Ordered;
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    out.push({ name, attrs, children: toElements(kids), text });
  }
  return out;
}

function parse(xml: string): El {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
    parseAttributeValue: false,
    parseTagValue: false,
  });
  const roots = toElements(parser.parse(xml) as Ordered);
  expect(roots.map((r) => r.name)).toEqual(['OfficeApp']);
  return roots[0];
}

const ROOT = parse(XML);

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const child = (el: El, name: string): El => {
  const c = el.children.filter((x) => x.name === name);
  expect(c.length, `${el.name} has one ${name}`).toBe(1);
  return c[0];
};
const path = (el: El, ...names: string[]): El => names.reduce(child, el);

/** Children appear in the schema's order (a subsequence of `order`), each one known. */
function expectOrder(el: El, order: string[], where: string): void {
  let last = -1;
  for (const c of el.children) {
    const i = order.indexOf(c.name);
    expect(i, `${where}: <${c.name}> is not a child the schema allows`).toBeGreaterThanOrEqual(0);
    expect(i, `${where}: <${c.name}> is out of order`).toBeGreaterThanOrEqual(last);
    last = i;
  }
}

const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];

const VO = path(ROOT, 'VersionOverrides');
const HOST = path(VO, 'Hosts', 'Host');
const RESOURCES = path(VO, 'Resources');
const CF = child(HOST, 'AllFormFactors').children.find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
const DESKTOP = child(HOST, 'DesktopFormFactor');

/** resid -> the resource element, by kind. */
function resources(): Map<string, { kind: string; value: string }> {
  const m = new Map<string, { kind: string; value: string }>();
  for (const group of RESOURCES.children) {
    for (const r of group.children) {
      expect(m.has(r.attrs.id), `duplicate resource id ${r.attrs.id}`).toBe(false);
      m.set(r.attrs.id, { kind: group.name, value: r.attrs.DefaultValue });
    }
  }
  return m;
}
const RES = resources();

describe('manifest.xml', () => {
  it('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(ROOT.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(ROOT.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(VO.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(VO.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  });

  it('has every required top-level element, in the schema order', () => {
    expectOrder(ROOT, OFFICE_APP_ORDER, 'OfficeApp');
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'Hosts',
      'DefaultSettings',
      'Permissions',
    ]) {
      child(ROOT, required);
    }
    expectOrder(VO, ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo'], 'VO');
    expectOrder(HOST, ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'], 'Host');
    expect(HOST.children[0].name, 'Runtimes comes first in Host').toBe('Runtimes');
    expectOrder(DESKTOP, ['GetStarted', 'FunctionFile', 'ExtensionPoint'], 'DesktopFormFactor');
    expectOrder(CF, ['Script', 'Page', 'Metadata', 'Namespace'], 'CustomFunctions');
    expect(CF.children.map((c) => c.name)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    for (const g of all(ROOT, (e) => e.name === 'Group')) {
      expectOrder(g, ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'], 'Group');
    }
    for (const c of all(ROOT, (e) => e.name === 'Control')) {
      expectOrder(c, ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled'], 'Control');
      expectOrder(child(c, 'Supertip'), ['Title', 'Description'], 'Supertip');
    }
    for (const a of all(ROOT, (e) => e.name === 'Action')) {
      expectOrder(a, ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'], 'Action');
    }
    expectOrder(RESOURCES, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], 'Resources');
  });

  it('hosts Excel with the shared runtime, read/write document permission', () => {
    expect(path(ROOT, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
    expect(HOST.attrs['xsi:type']).toBe('Workbook');
    const set = path(ROOT, 'Requirements', 'Sets', 'Set');
    expect(set.attrs).toMatchObject({ Name: 'SharedRuntime', MinVersion: '1.1' });
    expect(child(ROOT, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('resolves every resid to a resource of the right kind', () => {
    const kindOf: Record<string, string> = {
      'bt:Image': 'bt:Images',
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
      Namespace: 'bt:ShortStrings',
      SourceLocation: 'bt:Urls',
      FunctionFile: 'bt:Urls',
      Runtime: 'bt:Urls',
    };
    const users = all(ROOT, (e) => 'resid' in e.attrs);
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) {
      const r = RES.get(u.attrs.resid);
      expect(r, `resid ${u.attrs.resid} on <${u.name}> resolves`).toBeDefined();
      expect(r!.kind, `resid ${u.attrs.resid} on <${u.name}>`).toBe(kindOf[u.name]);
    }
    // and every resource is used
    const used = new Set(users.map((u) => u.attrs.resid));
    for (const id of RES.keys()) expect(used.has(id), `resource ${id} is used`).toBe(true);
  });

  it('keeps strings within the manifest limits (short 125, long 250 characters)', () => {
    for (const [id, r] of RES) {
      if (r.kind === 'bt:ShortStrings') expect(r.value.length, id).toBeLessThanOrEqual(125);
      if (r.kind === 'bt:LongStrings') expect(r.value.length, id).toBeLessThanOrEqual(250);
    }
    expect(child(ROOT, 'DisplayName').attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(ROOT, 'Description').attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it('uses https URLs only, all on the development host', () => {
    const urls = [
      ...all(ROOT, (e) => 'DefaultValue' in e.attrs && /Url$|^SourceLocation$/.test(e.name)).map(
        (e) => e.attrs.DefaultValue,
      ),
      ...[...RES.values()].filter((r) => r.kind === 'bt:Urls' || r.kind === 'bt:Images').map((r) => r.value),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) {
      expect(new URL(u).protocol, u).toBe('https:');
      expect(u.startsWith(DEV_URL), u).toBe(true);
    }
    const byId = (id: string) => RES.get(id)!.value;
    expect(byId('Functions.Script.Url')).toBe(`${DEV_URL}functions.js`);
    expect(byId('Functions.Metadata.Url')).toBe(`${DEV_URL}functions.json`);
    expect(byId('Taskpane.Url')).toBe(`${DEV_URL}taskpane.html`);
    expect(path(ROOT, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(byId('Taskpane.Url'));
  });

  it('uses one runtime resid for the runtime, the functions page, the function file and the task pane', () => {
    const runtimes = path(HOST, 'Runtimes').children;
    expect(runtimes.length).toBe(1);
    expect(runtimes[0].name).toBe('Runtime');
    expect(runtimes[0].attrs.lifetime).toBe('long');
    const rt = runtimes[0].attrs.resid;
    expect(path(CF, 'Page', 'SourceLocation').attrs.resid).toBe(rt);
    expect(child(DESKTOP, 'FunctionFile').attrs.resid).toBe(rt);
    const actions = all(DESKTOP, (e) => e.name === 'Action');
    expect(actions.length).toBe(1);
    expect(actions[0].attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(actions[0], 'SourceLocation').attrs.resid).toBe(rt);
    // the script and the metadata are separate URLs
    expect(path(CF, 'Script', 'SourceLocation').attrs.resid).toBe('Functions.Script.Url');
    expect(path(CF, 'Metadata', 'SourceLocation').attrs.resid).toBe('Functions.Metadata.Url');
  });

  it('has the RunRate ribbon button with 16/32/80 icons on the Home tab', () => {
    const tab = path(DESKTOP, 'ExtensionPoint', 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const button = path(tab, 'Group', 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(RES.get(child(button, 'Label').attrs.resid)!.value).toBe('RunRate');
    const sizes = child(button, 'Icon').children.map((i) => i.attrs.size);
    expect(sizes).toEqual(['16', '32', '80']);
    for (const img of child(button, 'Icon').children) {
      const url = RES.get(img.attrs.resid)!.value;
      expect(url).toBe(`${DEV_URL}assets/icon-${img.attrs.size}.png`);
    }
  });

  it('declares the RR namespace (letters and digits, at most 32 characters)', () => {
    const ns = RES.get(child(CF, 'Namespace').attrs.resid)!.value;
    expect(ns).toBe(EXCEL_NAMESPACE);
    expect(ns).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
  });

  it('has a GUID Id and an n.n.n.n Version', () => {
    expect(child(ROOT, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(ROOT, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
  });

  it('is rewritten to the production host in a production build (RUNRATE_ADDIN_URL)', () => {
    const host = productionUrl('https://addin.example.com/runrate');
    expect(host).toBe('https://addin.example.com/runrate/');
    const prod = rewriteManifest(XML, host);
    expect(prod).not.toContain(DEV_URL);
    expect(prod).toContain('https://addin.example.com/runrate/functions.js');
    expect(prod.split('https://addin.example.com/runrate/').length).toBe(XML.split(DEV_URL).length);
    expect(XMLValidator.validate(prod)).toBe(true);
    expect(rewriteManifest(XML, null)).toBe(XML);
    expect(productionUrl('')).toBeNull();
    expect(() => productionUrl('http://addin.example.com/')).toThrow(/https/);
  });
});

describe('icons', () => {
  it('has a PNG of each size the manifest names, rendered from addin/assets/icon.svg', () => {
    const named = new Set(
      [...RES.values(), { value: child(ROOT, 'IconUrl').attrs.DefaultValue }]
        .concat({ value: child(ROOT, 'HighResolutionIconUrl').attrs.DefaultValue })
        .map((r) => /assets\/icon-(\d+)\.png$/.exec(r.value)?.[1])
        .filter((s): s is string => Boolean(s))
        .map(Number),
    );
    expect([...named].sort((a, b) => a - b)).toEqual(ICON_SIZES);
    for (const size of ICON_SIZES) {
      const png = readFileSync(new URL(`../../addin/assets/icon-${size}.png`, import.meta.url));
      expect(png.subarray(1, 4).toString('latin1'), `icon-${size}.png is a PNG`).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `icon-${size}.png`).toEqual([size, size]);
      expect(png.equals(renderIcon(size)), `icon-${size}.png matches a fresh render`).toBe(true);
    }
  });
});
