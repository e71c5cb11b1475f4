// Which classes the pydantic family takes for models: pydantic bases through any import
// spelling, same-file bases, settings and generic models; never `pydantic.v1` or a class
// whose base comes from elsewhere.
import assert from 'node:assert/strict';
import { importsPydantic, inVersionCompatBranch, modelClasses } from '../../src/engine/families/pydantic/models';
import { useFacts } from '../helpers/facts';

describe('pydantic models', () => {
  const snippets = useFacts();
  const models = (text: string) => [...modelClasses(snippets.parse(text).facts).values()].map((m) => `${m.name}:${m.kind}`);

  it('finds models through imports, aliases and same-file bases', () => {
    const text = [
      'import pydantic as pd',
      'from pydantic import BaseModel, BaseSettings',
      'from pydantic.generics import GenericModel',
      'from typing import Generic, TypeVar',
      'from .base import Shared',
      'T = TypeVar("T")',
      'class Base(BaseModel): pass',
      'class Item(Base): pass',
      'class Aliased(pd.BaseModel): pass',
      'class Settings(BaseSettings): pass',
      'class AppSettings(Settings): pass',
      'class Page(GenericModel, Generic[T]): pass',
      'class FromElsewhere(Shared): pass',
      'class Plain: pass',
    ].join('\n');
    assert.deepEqual(models(text), ['Base:model', 'Item:model', 'Aliased:model', 'Settings:settings', 'AppSettings:settings', 'Page:generic']);
  });

  it('leaves pydantic.v1 models and files without pydantic alone', () => {
    assert.deepEqual(models('from pydantic.v1 import BaseModel\nclass Old(BaseModel): pass\n'), []);
    assert.equal(importsPydantic(snippets.parse('from pydantic.v1 import BaseModel\n').facts), false);
    assert.deepEqual(models('class BaseModel: pass\nclass Item(BaseModel): pass\n'), []);
  });

  it('does not take a rebound name for the pydantic base', () => {
    const text = 'from pydantic import BaseModel\nfrom mylib import BaseModel\nclass Item(BaseModel): pass\n';
    assert.deepEqual(models(text), []);
  });

  it('knows code in a branch chosen by the pydantic version', () => {
    const text = [
      'import pydantic',
      'PYDANTIC_V2 = pydantic.VERSION.startswith("2.")',
      'class Item(pydantic.BaseModel):',
      '    if PYDANTIC_V2:',
      '        model_config = pydantic.ConfigDict(extra="allow")',
      '    else:',
      '        class Config:',
      '            extra = "allow"',
      '    def dump(self):',
      '        return self.model_dump() if PYDANTIC_V2 else self.dict()',
      'class Other(pydantic.BaseModel):',
      '    class Config:',
      '        orm_mode = True',
      '    if DEBUG:',
      '        class Config2: pass',
    ].join('\n');
    const { tree } = snippets.parse(text);
    const classes = tree.rootNode.descendantsOfType('class_definition').map((c) => `${c!.childForFieldName('name')!.text}:${inVersionCompatBranch(c!)}`);
    assert.deepEqual(classes, ['Item:false', 'Config:true', 'Other:false', 'Config:false', 'Config2:false']);
    const calls = tree.rootNode.descendantsOfType('call').map((c) => `${c!.text}:${inVersionCompatBranch(c!)}`);
    assert.deepEqual(calls, ['pydantic.VERSION.startswith("2."):false', 'pydantic.ConfigDict(extra="allow"):true', 'self.model_dump():true', 'self.dict():true']);
  });
});
